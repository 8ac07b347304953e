package io.ieim.cli;

import io.ieim.devstack.EmbeddedStack;
import io.ieim.devstack.StackConfig;
import io.ieim.devstack.StackStatus;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code ieim dev up | down | status [--json]}: the embedded stack of real servers. */
@Command(name = "dev", description = "Run the embedded stack of real servers on loopback.",
        subcommands = {DevCommand.Up.class, DevCommand.Down.class, DevCommand.Status.class})
final class DevCommand {

    static EmbeddedStack stack() {
        return new EmbeddedStack(StackConfig.fromEnvironment());
    }

    static void print(PrintWriter out, StackStatus status) {
        out.printf("%-9s %-8s %s%n", "PART", "HEALTH", "ADDRESS");
        for (Map.Entry<String, StackStatus.Part> e : status.parts().entrySet()) {
            StackStatus.Part part = e.getValue();
            String health = part.healthy() ? "healthy" : part.running() ? "starting" : "down";
            out.printf("%-9s %-8s %s%n", e.getKey(), health, part.address());
        }
        out.printf("data: %s%n", status.varDir());
        if (status.oidcIssuer() != null) {
            // demo credentials of the dev stack only; production points the API at a real provider
            out.printf("oidc issuer: %s (demo users: %s)%n", status.oidcIssuer(),
                    String.join(", ", io.ieim.devstack.DemoTokens.USERS.keySet()));
        }
        out.flush();
    }

    @Command(name = "up", description = "Start every part that is not running, wait until healthy, provision.")
    static final class Up implements Callable<Integer> {
        @Option(names = "--json", description = "Print the status as JSON.")
        boolean json;

        @Override
        public Integer call() throws Exception {
            EmbeddedStack stack = stack();
            StackStatus status = stack.up();
            PrintWriter out = new PrintWriter(System.out, true);
            if (json) {
                out.println(status.toJson());
            } else {
                print(out, status);
                out.printf("up in %.1f s, resident memory %d MiB%n",
                        status.startMillis() / 1000.0, stack.residentKib() / 1024);
            }
            return 0;
        }
    }

    @Command(name = "down", description = "Stop the stack cleanly; data stays in the var folder.")
    static final class Down implements Callable<Integer> {
        @Override
        public Integer call() {
            // the topology first: it is a client of every other part
            Topology.process(StackConfig.fromEnvironment()).stop(java.time.Duration.ofSeconds(30));
            stack().down();
            System.out.println("stopped");
            return 0;
        }
    }

    @Command(name = "status", description = "Probe each part; exit 1 unless all are healthy.")
    static final class Status implements Callable<Integer> {
        @Option(names = "--json", description = "Print a machine-readable object.")
        boolean json;

        @Override
        public Integer call() {
            StackStatus status = stack().status();
            PrintWriter out = new PrintWriter(System.out, true);
            if (json) {
                out.println(status.toJson());
            } else {
                print(out, status);
            }
            return status.healthy() ? 0 : Ieim.EXIT_FAILED;
        }
    }
}
