package org.grantflow.grants.eligibility;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.grantflow.grants.problem.Violation;

/** Runs every rule of a round against an application and returns every failure, not just the first. */
public final class EligibilityEvaluator {

    private final List<EligibilityRule> rules;

    public EligibilityEvaluator(List<EligibilityRule> rules) {
        this.rules = List.copyOf(rules);
    }

    /** The rules of one round: its deadline and spend-by date first, then its rule set. */
    public static EligibilityEvaluator forRound(String roundName, Instant closesAt, Duration gracePeriod,
            LocalDate spendBy, RoundRules set) {
        List<EligibilityRule> rules = new ArrayList<>();
        rules.add(new DeadlineRule(roundName, closesAt, gracePeriod));
        if (set.eligibleGroups().size() + set.eligibleOrganisationTypes().size() > 0) {
            rules.add(new EligibleApplicantsRule(set.eligibleGroups(), set.eligibleOrganisationTypes()));
        }
        if (set.minimumAmount() != null) {
            rules.add(new MinimumAmountRule(set.minimumAmount()));
        }
        if (set.maximumAmount() != null) {
            rules.add(new MaximumAmountRule(set.maximumAmount()));
        }
        if (set.maximumInterventionRate() != null) {
            rules.add(new InterventionRateRule(set.maximumInterventionRate()));
        }
        if (set.matchFundingRequired()) {
            rules.add(new MatchFundingRequiredRule());
        }
        if (set.maximumFinancialYears() != null) {
            rules.add(new MaximumDurationRule(set.maximumFinancialYears()));
        }
        rules.add(new ProfileAddsUpRule());
        if (spendBy != null) {
            rules.add(new SpendByRule(spendBy));
        }
        if (set.noSubFunding()) {
            rules.add(new NoSubFundingRule());
        }
        if (set.endorsementRequired()) {
            rules.add(new EndorsementRequiredRule());
        }
        if (set.planPriorityRequired()) {
            rules.add(new PlanPriorityLinkRule());
        }
        if (set.evaluationPlanRequired()) {
            rules.add(new EvaluationPlanRequiredRule());
        }
        if (set.sustainabilityRequired()) {
            rules.add(new SustainabilityRequiredRule());
        }
        return new EligibilityEvaluator(rules);
    }

    /** @return every violation, in the order of the rules; empty when the application is eligible */
    public List<Violation> evaluate(Application application) {
        List<Violation> violations = new ArrayList<>();
        for (EligibilityRule rule : rules) {
            rule.check(application).ifPresent(violations::add);
        }
        return violations;
    }

    public List<String> inWords() {
        return rules.stream().map(EligibilityRule::inWords).toList();
    }

    public List<EligibilityRule> rules() {
        return rules;
    }
}
