package org.grantflow.grants.eligibility;

import java.time.LocalDate;
import java.util.Optional;

import org.grantflow.grants.problem.Violation;

/** The project, and its spending, ends on or before a date (Fly-Tipping Fund: 31 March 2017). */
public record SpendByRule(LocalDate spendBy) implements EligibilityRule {

    @Override
    public Optional<Violation> check(Application a) {
        if (a.projectEndDate() == null) {
            return EligibilityRule.fail("SPEND_BY", "projectEndDate", "All money must be spent by "
                    + Words.day(spendBy) + "; give the date the project ends");
        }
        if (a.projectEndDate().isAfter(spendBy)) {
            return EligibilityRule.fail("SPEND_BY", "projectEndDate", "All money must be spent by "
                    + Words.day(spendBy) + "; this project ends on " + Words.day(a.projectEndDate()));
        }
        return EligibilityRule.pass();
    }

    @Override
    public String inWords() {
        return "All money must be spent by " + Words.day(spendBy) + ".";
    }
}
