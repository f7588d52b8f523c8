package org.grantflow.grants.eligibility;

import java.math.BigDecimal;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

import org.grantflow.grants.problem.Violation;

/** The yearly profile of the amount, when given, names each year once and adds up to the amount requested. */
public record ProfileAddsUpRule() implements EligibilityRule {

    @Override
    public Optional<Violation> check(Application a) {
        if (a.profile().isEmpty() || a.amountRequested() == null) {
            return EligibilityRule.pass();
        }
        Set<String> seen = new HashSet<>();
        for (YearAmount year : a.profile()) {
            if (!seen.add(year.financialYear())) {
                return EligibilityRule.fail("PROFILE", "profile",
                        "The profile names " + year.financialYear() + " more than once");
            }
        }
        BigDecimal total = a.profile().stream().map(YearAmount::amount).filter(x -> x != null)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        if (total.compareTo(a.amountRequested()) != 0) {
            return EligibilityRule.fail("PROFILE", "profile", "The yearly profile adds up to "
                    + Words.money(total) + "; this bid asks for " + Words.money(a.amountRequested()));
        }
        return EligibilityRule.pass();
    }

    @Override
    public String inWords() {
        return "A yearly profile, when given, must add up to the amount asked for.";
    }
}
