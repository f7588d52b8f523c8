package org.grantflow.launcher;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.jboss.logging.Logger;

/**
 * A child JVM of the launcher (the broker or a service) whose output goes to a log file. It says so
 * in the launcher's log when it stops without being asked to.
 */
final class ManagedProcess {

    private static final Logger LOG = Logger.getLogger(ManagedProcess.class);
    /** Enough of a log to show a stack trace or a failed configuration check. */
    private static final int TAIL_LINES = 40;
    private static final int TAIL_BYTES = 64 * 1024;
    /** How a JVM exits after running its shutdown hooks on SIGINT (128 + 2) and SIGTERM (128 + 15). */
    private static final int EXIT_ON_SIGINT = 130;
    private static final int EXIT_ON_SIGTERM = 143;

    private final String name;
    private final Process process;
    private final Path logFile;
    private volatile boolean stopRequested;

    private ManagedProcess(String name, Process process, Path logFile) {
        this.name = name;
        this.process = process;
        this.logFile = logFile;
        process.onExit().thenAccept(this::reportUnexpectedExit);
    }

    static ManagedProcess start(String name, List<String> command, Map<String, String> environment, Path workDir,
            Path logFile) {
        try {
            Files.createDirectories(logFile.getParent());
            ProcessBuilder builder = new ProcessBuilder(command)
                    .directory(workDir.toFile())
                    .redirectErrorStream(true)
                    // A fresh log for each run keeps the tail shown on failure about this run.
                    .redirectOutput(logFile.toFile());
            builder.environment().putAll(environment);
            LOG.debugf("Starting %s: %s", name, String.join(" ", command));
            Process process = builder.start();
            // Nothing is ever typed into a child; it sees end-of-input instead of a dangling pipe.
            process.getOutputStream().close();
            ManagedProcess started = new ManagedProcess(name, process, logFile);
            LOG.infof("Started %s (pid %d, log %s)", name, started.process.pid(), logFile);
            return started;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start " + name, e);
        }
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** The process's state and the end of its log, for error messages. */
    String report() {
        String state = process.isAlive() ? "is still running" : "exited with code " + process.exitValue();
        return name + " " + state + ". Last lines of " + logFile + ":\n" + logTail();
    }

    private String logTail() {
        try (RandomAccessFile file = new RandomAccessFile(logFile.toFile(), "r")) {
            long start = Math.max(0, file.length() - TAIL_BYTES);
            byte[] bytes = new byte[(int) (file.length() - start)];
            file.seek(start);
            file.readFully(bytes);
            List<String> lines = Arrays.asList(new String(bytes, StandardCharsets.UTF_8).split("\\R"));
            return lines.subList(Math.max(0, lines.size() - TAIL_LINES), lines.size()).stream()
                    .map(line -> "    | " + line)
                    .collect(Collectors.joining("\n"));
        } catch (IOException e) {
            return "    (log unreadable: " + e.getMessage() + ")";
        }
    }

    /** Asks the process to shut down (SIGTERM), without waiting; the JVMs then stop gracefully. */
    void requestStop() {
        stopRequested = true;
        process.destroy();
    }

    /** Waits up to {@code grace} for a requested stop, then kills the process. */
    void awaitStop(Duration grace) {
        try {
            if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                LOG.warnf("%s did not stop within %d s; killing it", name, grace.toSeconds());
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    void stop(Duration grace) {
        requestStop();
        awaitStop(grace);
    }

    private void reportUnexpectedExit(Process exited) {
        if (stopRequested) {
            return;
        }
        int code = exited.exitValue();
        if (code == EXIT_ON_SIGINT || code == EXIT_ON_SIGTERM) {
            // Ctrl-C in a terminal reaches the children too, often before the launcher asks them.
            LOG.infof("%s stopped on a signal", name);
        } else {
            LOG.errorf("%s stopped unexpectedly with exit code %d; see %s", name, code, logFile);
        }
    }
}
