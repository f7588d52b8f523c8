package org.grantflow.grants.eligibility;

import java.util.Optional;

import org.grantflow.grants.problem.Violation;

/**
 * The project is funded over at most N financial years (Community Safety Grant: three), counted from
 * the first to the last year of the bid's yearly profile. A bid without a profile falls in one year.
 */
public record MaximumDurationRule(int maximumYears) implements EligibilityRule {

    @Override
    public Optional<Violation> check(Application a) {
        int years = span(a);
        if (years > maximumYears) {
            return EligibilityRule.fail("MAXIMUM_DURATION", "profile", "Funding may be asked for at most "
                    + years(maximumYears) + "; this bid's profile spans " + years(years));
        }
        return EligibilityRule.pass();
    }

    @Override
    public String inWords() {
        return "Funding may be asked for at most " + years(maximumYears) + ".";
    }

    static int span(Application a) {
        if (a.profile().isEmpty()) {
            return 1;
        }
        int first = Integer.MAX_VALUE;
        int last = Integer.MIN_VALUE;
        for (YearAmount year : a.profile()) {
            int start = Integer.parseInt(year.financialYear().substring(0, 4));
            first = Math.min(first, start);
            last = Math.max(last, start);
        }
        return last - first + 1;
    }

    private static String years(int n) {
        return n == 1 ? "one financial year" : n + " financial years";
    }
}
