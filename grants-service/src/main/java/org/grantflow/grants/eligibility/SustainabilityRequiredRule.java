package org.grantflow.grants.eligibility;

import java.util.Optional;

import org.grantflow.grants.problem.Violation;

/** The bid shows how the project carries on beyond the funding (Criminal Justice Innovation Fund). */
public record SustainabilityRequiredRule() implements EligibilityRule {

    @Override
    public Optional<Violation> check(Application a) {
        if (Words.blank(a.sustainabilityPlan())) {
            return EligibilityRule.fail("SUSTAINABILITY", "sustainabilityPlan",
                    "The bid must show how the project will be sustained beyond the funding");
        }
        return EligibilityRule.pass();
    }

    @Override
    public String inWords() {
        return "Bids must show how the project will be sustained beyond the funding.";
    }
}
