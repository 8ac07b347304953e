package io.ieim.cli;

import io.ieim.devstack.StackConfig;

import java.time.Duration;

/** Points the CLI at the test stack for one test, and afterwards stops the product processes it started. */
final class CliOnStack {

    private CliOnStack() {
    }

    static void pointAt(StackConfig stack) {
        System.setProperty("ieim.var", stack.varDir().toString());
        System.setProperty("ieim.portBase", Integer.toString(stack.portBase()));
    }

    /** Stops the reviewer API and the topology if they run (the stack itself stays up for the next test). */
    static void release(StackConfig stack) {
        if (stack != null) {
            ReviewApi.process(stack).stop(Duration.ofSeconds(30));
            Topology.process(stack).stop(Duration.ofSeconds(30));
        }
        System.clearProperty("ieim.var");
        System.clearProperty("ieim.portBase");
    }
}
