package org.grantflow.grants.eligibility;

import java.util.Optional;

import org.grantflow.grants.problem.Violation;

/** The bid brings matched funding from another source (Local Partnership Reserve). */
public record MatchFundingRequiredRule() implements EligibilityRule {

    @Override
    public Optional<Violation> check(Application a) {
        if (a.matchFundingTotal().signum() <= 0) {
            return EligibilityRule.fail("MATCH_FUNDING_REQUIRED", "matchFunding",
                    "The bid must list matched funding from at least one other source");
        }
        return EligibilityRule.pass();
    }

    @Override
    public String inWords() {
        return "Bids must bring matched funding from another source.";
    }
}
