package org.grantflow.grants.eligibility;

import java.math.BigDecimal;
import java.util.Optional;

import org.grantflow.grants.problem.Violation;

/** The bid asks for no more than the round's maximum. */
public record MaximumAmountRule(BigDecimal maximum) implements EligibilityRule {

    @Override
    public Optional<Violation> check(Application a) {
        if (a.amountRequested() != null && a.amountRequested().compareTo(maximum) > 0) {
            return EligibilityRule.fail("MAXIMUM_AMOUNT", "amountRequested", "The maximum bid for this round is "
                    + Words.money(maximum) + "; this bid asks for " + Words.money(a.amountRequested()));
        }
        return EligibilityRule.pass();
    }

    @Override
    public String inWords() {
        return "Bids may ask for at most " + Words.money(maximum) + ".";
    }
}
