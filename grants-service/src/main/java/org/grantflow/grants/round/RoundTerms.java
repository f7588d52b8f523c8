package org.grantflow.grants.round;

import java.time.Instant;
import java.util.UUID;

import org.grantflow.grants.eligibility.EligibilityEvaluator;

/** What an eligibility check needs of a round, read once and kept for a few seconds. */
public record RoundTerms(UUID id, Round.Status status, Instant opensAt, EligibilityEvaluator eligibility) {

    static RoundTerms of(Round round) {
        return new RoundTerms(round.id, round.status, round.opensAt, round.eligibility());
    }
}
