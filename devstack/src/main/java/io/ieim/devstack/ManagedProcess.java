package io.ieim.devstack;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A server process of the stack that outlives the command that started it. It runs in its own
 * session (setsid) so a terminal's signals do not reach it, logs to a file, and is found again
 * through a pid file that also records its start time, so a recycled pid is never mistaken for it.
 */
public final class ManagedProcess {

    private final String name;
    private final Path pidFile;
    private final Path logFile;

    public ManagedProcess(StackConfig config, String name) {
        this.name = name;
        this.pidFile = config.pidDir().resolve(name + ".pid");
        this.logFile = config.logDir().resolve(name + ".log");
    }

    public Path logFile() {
        return logFile;
    }

    /** The live process recorded in the pid file, if any. */
    public Optional<ProcessHandle> running() {
        if (!Files.isRegularFile(pidFile)) {
            return Optional.empty();
        }
        try {
            String[] parts = Files.readString(pidFile).trim().split("\\s+");
            long pid = Long.parseLong(parts[0]);
            Optional<ProcessHandle> handle = ProcessHandle.of(pid).filter(ProcessHandle::isAlive);
            if (handle.isPresent() && parts.length > 1) {
                Optional<Instant> started = handle.get().info().startInstant();
                if (started.isPresent() && started.get().toEpochMilli() / 1000 != Long.parseLong(parts[1]) / 1000) {
                    return Optional.empty();
                }
            }
            return handle;
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** Starts the command detached, appending its output to the log file. */
    public ProcessHandle start(List<String> command, Path workDir, Map<String, String> environment) throws IOException {
        Files.createDirectories(pidFile.getParent());
        Files.createDirectories(logFile.getParent());
        List<String> full = new ArrayList<>();
        full.add("setsid");
        full.addAll(command);
        ProcessBuilder builder = new ProcessBuilder(full)
                .directory(workDir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        builder.environment().putAll(environment);
        Process process = builder.start();
        ProcessHandle handle = process.toHandle();
        long started = handle.info().startInstant().map(Instant::toEpochMilli).orElse(0L);
        Files.writeString(pidFile, handle.pid() + " " + started + "\n", StandardCharsets.UTF_8);
        return handle;
    }

    /** Adopts a process that wrote its own pid (PostgreSQL's postmaster). */
    void adopt(long pid) throws IOException {
        ProcessHandle handle = ProcessHandle.of(pid).orElseThrow(() -> new IOException(name + " pid " + pid + " is gone"));
        long started = handle.info().startInstant().map(Instant::toEpochMilli).orElse(0L);
        Files.createDirectories(pidFile.getParent());
        Files.writeString(pidFile, pid + " " + started + "\n", StandardCharsets.UTF_8);
    }

    /** Asks the process to stop (SIGTERM), waits, and kills it only if it does not. */
    public boolean stop(Duration grace) {
        Optional<ProcessHandle> handle = running();
        handle.ifPresent(h -> {
            h.destroy();
            if (!waitForExit(h, grace)) {
                h.destroyForcibly();
                waitForExit(h, Duration.ofSeconds(10));
            }
        });
        try {
            Files.deleteIfExists(pidFile);
        } catch (IOException ignored) {
            // a stale pid file is re-validated by start time on next use
        }
        return handle.isPresent();
    }

    /**
     * Kills the process at once (SIGKILL), as a crash or the OOM killer would: no shutdown hook runs,
     * nothing is flushed or committed. For tests of crash recovery.
     */
    public boolean kill() {
        Optional<ProcessHandle> handle = running();
        handle.ifPresent(h -> {
            h.destroyForcibly();
            waitForExit(h, Duration.ofSeconds(30));
        });
        try {
            Files.deleteIfExists(pidFile);
        } catch (IOException ignored) {
            // a stale pid file is re-validated by start time on next use
        }
        return handle.isPresent();
    }

    private static boolean waitForExit(ProcessHandle handle, Duration timeout) {
        try {
            handle.onExit().get(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
            return true;
        } catch (Exception e) {
            return !handle.isAlive();
        }
    }

    /** The last lines of the log, for error messages when a part fails to come up. */
    public String logTail(int lines) {
        try {
            List<String> all = Files.readAllLines(logFile, StandardCharsets.UTF_8);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException | java.io.UncheckedIOException e) {
            return "(no log at " + logFile + ")";
        }
    }

    /**
     * Waits until {@code ready} holds; fails early, with the end of the log, when the process exits,
     * and with the log's path when the time is up.
     */
    public void awaitReady(java.util.function.BooleanSupplier ready, Duration timeout, String what)
            throws IOException, InterruptedException {
        java.time.Instant deadline = java.time.Instant.now().plus(timeout);
        while (!ready.getAsBoolean()) {
            if (running().isEmpty()) {
                throw new IOException(what + " exited during start; last log lines:\n" + logTail(30));
            }
            if (java.time.Instant.now().isAfter(deadline)) {
                throw new IOException(what + " is not ready after " + timeout.toSeconds() + " s; log: " + logFile());
            }
            Thread.sleep(250);
        }
    }
}
