package io.ieim.cli;

import io.ieim.devstack.JavaRuntime;
import io.ieim.devstack.ManagedProcess;
import io.ieim.devstack.StackConfig;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The reviewer API (module api, a Spring Boot jar) as a process configured for the stack. */
final class ReviewApi {

    private ReviewApi() {
    }

    static ManagedProcess process(StackConfig config) {
        return new ManagedProcess(config, "review-api");
    }

    /** A second instance for benchmarks: its own port, no per-user rate limit. */
    static ManagedProcess benchProcess(StackConfig config) {
        return new ManagedProcess(config, "review-api-bench");
    }

    static int benchPort(StackConfig config) {
        return config.reviewApiPort() + 1;
    }

    /** The runnable jar the build produces (api/target/ieim-api-*-exec.jar). */
    static Path jar(StackConfig config) throws IOException {
        Path target = config.home().resolve("api").resolve("target");
        try (var files = Files.list(target)) {
            return files.filter(f -> f.getFileName().toString().matches("ieim-api-.*-exec\\.jar")).findFirst()
                    .orElseThrow(() -> new IOException("no reviewer API jar in " + target + ": build the project first"));
        } catch (java.nio.file.NoSuchFileException e) {
            throw new IOException("no reviewer API jar in " + target + ": build the project first", e);
        }
    }

    /** The API's configuration for this stack, as environment variables (Spring's relaxed binding). */
    static Map<String, String> environment(StackConfig config) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("SERVER_PORT", Integer.toString(config.reviewApiPort()));
        env.put("SERVER_ADDRESS", "127.0.0.1");
        env.put("IEIM_API_OIDC_ISSUER_URI", config.oidcIssuerUrl());
        env.put("SPRING_DATASOURCE_URL", config.postgresJdbcUrl());
        env.put("SPRING_DATASOURCE_USERNAME", config.postgresUser());
        env.put("SPRING_DATASOURCE_PASSWORD", config.postgresPassword());
        env.put("IEIM_API_REGISTRY_URL", config.registryUrl());
        env.put("IEIM_API_KAFKA_BOOTSTRAP", config.kafkaBootstrap());
        env.put("IEIM_API_S3_ENDPOINT", config.s3Endpoint());
        env.put("IEIM_API_S3_ACCESS_KEY", config.s3AccessKey());
        env.put("IEIM_API_S3_SECRET_KEY", config.s3SecretKey());
        env.put("IEIM_API_S3_BUCKET", config.bucket());
        return env;
    }

    static String url(StackConfig config) {
        return "http://127.0.0.1:" + config.reviewApiPort();
    }

    /** Starts the API detached unless it runs, then waits until it is ready (database reachable). */
    static void ensureRunning(StackConfig config, Duration timeout, Map<String, String> extra) throws IOException, InterruptedException {
        ensureRunning(config, process(config), config.reviewApiPort(), timeout, extra);
    }

    static void ensureRunning(StackConfig config, ManagedProcess process, int port, Duration timeout, Map<String, String> extra)
            throws IOException, InterruptedException {
        if (process.running().isEmpty()) {
            Map<String, String> env = environment(config);
            env.put("SERVER_PORT", Integer.toString(port));
            env.putAll(extra);
            List<String> cmd = JavaRuntime.command("512m", jar(config).toString(), "org.springframework.boot.loader.launch.JarLauncher",
                    List.of(), List.of());
            process.start(cmd, config.varDir(), env);
        }
        process.awaitReady(() -> ready(port), timeout, "the reviewer API");
    }

    static boolean ready(int port) {
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health/readiness"))
                            .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
