package io.ieim.devstack;

import java.time.Duration;

/** One server of the embedded stack. */
interface StackPart {

    /** Short stable name: postgres, kafka, s3, registry, connect, oidc. */
    String name();

    /** Where clients reach it. */
    String address();

    /** Starts the server unless it is already running; returns without waiting for health. */
    void start() throws Exception;

    /** A real request against the server, not a process check. */
    boolean healthy();

    /** How long a cold start may take on a 2-core machine before it counts as failed. */
    Duration startTimeout();

    void stop();

    boolean running();

    /** The log tail shown when the part does not come up. */
    String diagnostics();
}
