package org.grantflow.grants.eligibility;

import java.util.Optional;

import org.grantflow.grants.problem.Violation;

/** The Responsible Authorities Group / Board has endorsed the bid. */
public record EndorsementRequiredRule() implements EligibilityRule {

    @Override
    public Optional<Violation> check(Application a) {
        if (!Boolean.TRUE.equals(a.boardEndorsement())) {
            return EligibilityRule.fail("ENDORSEMENT_REQUIRED", "boardEndorsement",
                    "The bid must be endorsed by the Responsible Authorities Group or Board");
        }
        return EligibilityRule.pass();
    }

    @Override
    public String inWords() {
        return "The Responsible Authorities Group or Board must endorse the bid.";
    }
}
