package io.ieim.devstack;

import java.time.Duration;

/** A part of the stack that is one managed child process: the lifecycle every server shares. */
abstract class ProcessPart implements StackPart {

    protected final StackConfig config;
    protected final ManagedProcess process;
    private final String name;
    private final Duration startTimeout;
    private final Duration stopGrace;

    /**
     * @param startTimeout how long a cold start may take on a 2-core machine
     * @param stopGrace    how long a SIGTERM may take before the process is killed
     */
    ProcessPart(StackConfig config, String name, Duration startTimeout, Duration stopGrace) {
        this.config = config;
        this.process = new ManagedProcess(config, name);
        this.name = name;
        this.startTimeout = startTimeout;
        this.stopGrace = stopGrace;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Duration startTimeout() {
        return startTimeout;
    }

    @Override
    public boolean running() {
        return process.running().isPresent();
    }

    @Override
    public void stop() {
        process.stop(stopGrace);
    }

    @Override
    public String diagnostics() {
        return process.logTail(20);
    }

    /**
     * Writes a logback configuration that logs WARN and above, plus one logger at the given level:
     * the servers ship none, and logback's default is DEBUG for everything.
     */
    protected static java.nio.file.Path writeQuietLogging(java.nio.file.Path dir, String logger, String level) throws java.io.IOException {
        java.nio.file.Path logging = dir.resolve("logback.xml");
        java.nio.file.Files.writeString(logging, String.join("\n",
                "<configuration>",
                "  <appender name=\"out\" class=\"ch.qos.logback.core.ConsoleAppender\">",
                "    <encoder><pattern>%d{HH:mm:ss.SSS} %-5level %logger{36} - %msg%n</pattern></encoder>",
                "  </appender>",
                "  <logger name=\"" + logger + "\" level=\"" + level + "\"/>",
                "  <root level=\"WARN\"><appender-ref ref=\"out\"/></root>",
                "</configuration>", ""), java.nio.charset.StandardCharsets.UTF_8);
        return logging;
    }
}
