package org.grantflow.grants.eligibility;

import java.math.BigDecimal;
import java.util.Optional;

import org.grantflow.grants.problem.Violation;

/** The bid asks for at least the round's minimum (Community Safety Grant: £5,000). */
public record MinimumAmountRule(BigDecimal minimum) implements EligibilityRule {

    @Override
    public Optional<Violation> check(Application a) {
        if (a.amountRequested() != null && a.amountRequested().compareTo(minimum) < 0) {
            return EligibilityRule.fail("MINIMUM_AMOUNT", "amountRequested", "The minimum bid for this round is "
                    + Words.money(minimum) + "; this bid asks for " + Words.money(a.amountRequested()));
        }
        return EligibilityRule.pass();
    }

    @Override
    public String inWords() {
        return "Bids must ask for at least " + Words.money(minimum) + ".";
    }
}
