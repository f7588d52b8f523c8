package org.grantflow.grants.eligibility;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

import org.grantflow.grants.problem.Violation;

/** The bid links to at least one chapter of the police and crime plan. */
public record PlanPriorityLinkRule() implements EligibilityRule {

    private static final String CHAPTERS = Arrays.stream(PlanPriority.values()).map(PlanPriority::title)
            .collect(Collectors.joining(", "));

    @Override
    public Optional<Violation> check(Application a) {
        if (a.planPriorities().isEmpty()) {
            return EligibilityRule.fail("PLAN_PRIORITY", "planPriorities",
                    "The bid must link to at least one police and crime plan priority: " + CHAPTERS);
        }
        return EligibilityRule.pass();
    }

    @Override
    public String inWords() {
        return "Bids must link to at least one police and crime plan priority: " + CHAPTERS + ".";
    }
}
