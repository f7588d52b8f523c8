package org.grantflow.grants.round;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.grantflow.grants.eligibility.EligibilityEvaluator;

/**
 * What taking or checking a bid needs of a round. An open round's terms never change, so they are read once and kept
 * for a few seconds; only its status is asked of the database each time a bid is taken.
 */
public record RoundTerms(UUID id, UUID fundId, String name, Round.Status status, Instant opensAt, Instant closesAt,
        Duration gracePeriod, EligibilityEvaluator eligibility) {

    static RoundTerms of(Round round) {
        return new RoundTerms(round.id, round.fundId, round.name, round.status, round.opensAt, round.closesAt,
                round.gracePeriod(), round.eligibility());
    }

    /** Whether a bid may be drafted or submitted at {@code now}: the deadline itself, and the grace after it, are in time. */
    public boolean acceptsBidsAt(Instant now) {
        return status == Round.Status.OPEN && opensAt != null && !now.isBefore(opensAt)
                && !now.isAfter(closesAt.plus(gracePeriod));
    }
}
