package org.grantflow.grants.eligibility;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * A bid as the eligibility rules see it: what the applicant says about the project, who applies and
 * when. Lists are never null.
 */
public record Application(
        Applicant applicant,
        BigDecimal amountRequested,
        BigDecimal totalProjectCost,
        List<MatchFunding> matchFunding,
        List<YearAmount> profile,
        LocalDate projectEndDate,
        Boolean subFunding,
        Boolean boardEndorsement,
        Set<PlanPriority> planPriorities,
        String evaluationPlan,
        String sustainabilityPlan,
        Instant submittedAt) {

    public Application {
        matchFunding = matchFunding == null ? List.of() : List.copyOf(matchFunding);
        profile = profile == null ? List.of() : List.copyOf(profile);
        planPriorities = planPriorities == null ? Set.of() : Set.copyOf(planPriorities);
    }

    public BigDecimal matchFundingTotal() {
        return matchFunding.stream().map(MatchFunding::amount).filter(a -> a != null)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
