package org.grantflow.grants.eligibility;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.grantflow.grants.problem.Violation;

/**
 * The bid arrives by the round's deadline, plus any grace period. The deadline itself is in time.
 * Times are shown in UK local time, so 17:00 means 17:00 in London in winter and in summer.
 */
public record DeadlineRule(String roundName, Instant closesAt, Duration gracePeriod) implements EligibilityRule {

    public DeadlineRule {
        gracePeriod = gracePeriod == null ? Duration.ZERO : gracePeriod;
    }

    public Instant lastMoment() {
        return closesAt.plus(gracePeriod);
    }

    @Override
    public Optional<Violation> check(Application a) {
        return a.submittedAt() == null ? EligibilityRule.pass() : checkAt(a.submittedAt());
    }

    /** Whether a bid arriving at {@code at} is in time. */
    public Optional<Violation> checkAt(Instant at) {
        if (at.isAfter(lastMoment())) {
            String grace = gracePeriod.isZero() ? ""
                    : " and accepted late bids until " + Words.ukMinute(lastMoment());
            return EligibilityRule.fail("DEADLINE", "submittedAt", "The round '" + roundName + "' closed at "
                    + Words.ukMinute(closesAt) + " (UK time)" + grace + "; this bid came at "
                    + Words.ukSecond(at));
        }
        return EligibilityRule.pass();
    }

    @Override
    public String inWords() {
        String grace = gracePeriod.isZero() ? ""
                : " Bids up to " + gracePeriod.toMinutes() + " minutes late are still accepted.";
        return "Bids must arrive by " + Words.ukMinute(closesAt) + " (UK time)." + grace;
    }
}
