package org.grantflow.grants.round;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.scheduler.Scheduled;

/** Closes rounds whose last deadline has passed, and announces it. */
@ApplicationScoped
class RoundCloser {

    private final RoundService rounds;

    RoundCloser(RoundService rounds) {
        this.rounds = rounds;
    }

    @Scheduled(every = "${grantflow.rounds.close-check-interval}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void closeDueRounds() {
        int closed;
        do {
            closed = rounds.closeDueRounds();
        } while (closed == RoundService.CLOSE_BATCH);
    }
}
