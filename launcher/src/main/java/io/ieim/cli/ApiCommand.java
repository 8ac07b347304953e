package io.ieim.cli;

import io.ieim.devstack.JavaRuntime;
import io.ieim.devstack.StackConfig;
import picocli.CommandLine.Command;

import java.util.List;
import java.util.concurrent.Callable;

/** {@code ieim api}: the reviewer API and web UI in the foreground, configured for the stack. */
@Command(name = "api", description = "Run the reviewer API and review UI (Spring Boot) in the foreground against the stack.")
final class ApiCommand implements Callable<Integer> {

    @Override
    public Integer call() throws Exception {
        StackConfig config = StackConfig.fromEnvironment();
        ProcessBuilder builder = new ProcessBuilder(JavaRuntime.command("512m", ReviewApi.jar(config).toString(),
                "org.springframework.boot.loader.launch.JarLauncher", List.of(), List.of())).inheritIO();
        builder.environment().putAll(ReviewApi.environment(config));
        System.err.println("ieim: reviewer API on " + ReviewApi.url(config) + " (OpenAPI: " + ReviewApi.url(config)
                + "/api/v1/openapi.yaml), tokens from " + config.oidcIssuerUrl());
        Process process = builder.start();
        Runtime.getRuntime().addShutdownHook(new Thread(process::destroy, "ieim-api-shutdown"));
        return process.waitFor() == 0 ? 0 : Ieim.EXIT_FAILED;
    }
}
