package org.grantflow.launcher;

import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/** Polling for things that become true on their own time: a port that opens, a service that gets ready. */
final class Waits {

    private Waits() {
    }

    /**
     * Asks {@code done} every {@code interval} until it answers true or {@code timeout} passes. The
     * condition may throw to give up early, e.g. when the process it waits for has died.
     *
     * @return whether the condition became true in time
     * @throws CancellationException if the waiting thread is interrupted
     */
    static boolean poll(Duration timeout, Duration interval, BooleanSupplier done) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            if (done.getAsBoolean()) {
                return true;
            }
            long remaining = deadline - System.nanoTime();
            if (remaining <= 0) {
                return false;
            }
            LockSupport.parkNanos(Math.min(interval.toNanos(), remaining));
            if (Thread.interrupted()) {
                Thread.currentThread().interrupt();
                throw new CancellationException("Interrupted while waiting");
            }
        }
    }
}
