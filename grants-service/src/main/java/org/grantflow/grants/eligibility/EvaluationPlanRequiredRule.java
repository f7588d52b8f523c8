package org.grantflow.grants.eligibility;

import java.util.Optional;

import org.grantflow.grants.problem.Violation;

/** The bid says how the project will be evaluated at the end. */
public record EvaluationPlanRequiredRule() implements EligibilityRule {

    @Override
    public Optional<Violation> check(Application a) {
        if (Words.blank(a.evaluationPlan())) {
            return EligibilityRule.fail("EVALUATION_PLAN", "evaluationPlan",
                    "The bid must say how the project will be evaluated at the end");
        }
        return EligibilityRule.pass();
    }

    @Override
    public String inWords() {
        return "Bids must include a plan for evaluating the project at the end.";
    }
}
