package org.grantflow.grants.eligibility;

import java.util.Optional;

import org.grantflow.grants.problem.Violation;

/** The grant is not passed on: no sub-funding or further commissioning. */
public record NoSubFundingRule() implements EligibilityRule {

    @Override
    public Optional<Violation> check(Application a) {
        if (Boolean.TRUE.equals(a.subFunding())) {
            return EligibilityRule.fail("NO_SUB_FUNDING", "subFunding",
                    "This round does not allow sub-funding or further commissioning of the grant");
        }
        return EligibilityRule.pass();
    }

    @Override
    public String inWords() {
        return "The grant may not be passed on through sub-funding or further commissioning.";
    }
}
