package org.grantflow.grants.eligibility;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Optional;

import org.grantflow.grants.problem.Violation;

/**
 * The grant covers at most a share of the total project cost (Fly-Tipping Fund: 75%), and the match
 * funding listed on the bid covers the rest. Compared exactly: grant × 100 ≤ rate × cost.
 */
public record InterventionRateRule(BigDecimal maximumPercent) implements EligibilityRule {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    @Override
    public Optional<Violation> check(Application a) {
        BigDecimal cost = a.totalProjectCost();
        BigDecimal grant = a.amountRequested();
        if (cost == null || cost.signum() <= 0) {
            return EligibilityRule.fail("INTERVENTION_RATE", "totalProjectCost", "The grant may cover at most "
                    + Words.percent(maximumPercent) + " of the total project cost; give the total project cost");
        }
        if (grant == null) {
            return EligibilityRule.pass();
        }
        if (grant.multiply(HUNDRED).compareTo(maximumPercent.multiply(cost)) > 0) {
            BigDecimal allowed = cost.multiply(maximumPercent).divide(HUNDRED, 2, RoundingMode.DOWN);
            BigDecimal asked = grant.multiply(HUNDRED).divide(cost, 2, RoundingMode.UP);
            return EligibilityRule.fail("INTERVENTION_RATE", "amountRequested", "The grant may cover at most "
                    + Words.percent(maximumPercent) + " of the " + Words.money(cost) + " project cost, that is "
                    + Words.money(allowed) + "; this bid asks for " + Words.money(grant) + " ("
                    + Words.percent(asked) + ")");
        }
        BigDecimal rest = cost.subtract(grant);
        BigDecimal matched = a.matchFundingTotal();
        if (matched.compareTo(rest) < 0) {
            return EligibilityRule.fail("MATCH_FUNDING", "matchFunding", "The match funding must cover the "
                    + Words.money(rest) + " of the project cost the grant does not; the sources listed add up to "
                    + Words.money(matched));
        }
        return EligibilityRule.pass();
    }

    @Override
    public String inWords() {
        BigDecimal rest = HUNDRED.subtract(maximumPercent);
        return "The grant may cover at most " + Words.percent(maximumPercent)
                + " of the total project cost; the bid must list match funding for the remaining "
                + Words.percent(rest) + ".";
    }
}
