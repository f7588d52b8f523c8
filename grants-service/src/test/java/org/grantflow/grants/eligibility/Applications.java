package org.grantflow.grants.eligibility;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/** Applications for rule tests: a plain one, changed one field at a time. */
final class Applications {

    static final Applicant COUNCIL = new Applicant("district-council-01", "A District Council",
            OrganisationType.DISTRICT_OR_BOROUGH_COUNCIL, Set.of("Fly Tipping Group"));

    private Applications() {
    }

    static Application asking(String amount) {
        return new Application(COUNCIL, new BigDecimal(amount), null, List.of(), List.of(), null, null, null,
                Set.of(), null, null, Instant.parse("2016-11-01T09:00:00Z"));
    }

    static Application costing(String amount, String totalCost, String... matchAmounts) {
        List<MatchFunding> match = java.util.Arrays.stream(matchAmounts)
                .map(m -> new MatchFunding("Council budget", new BigDecimal(m))).toList();
        Application a = asking(amount);
        return new Application(a.applicant(), a.amountRequested(), new BigDecimal(totalCost), match, a.profile(),
                a.projectEndDate(), a.subFunding(), a.boardEndorsement(), a.planPriorities(), a.evaluationPlan(),
                a.sustainabilityPlan(), a.submittedAt());
    }

    static Application submittedAt(String instant) {
        Application a = asking("5000.00");
        return new Application(a.applicant(), a.amountRequested(), a.totalProjectCost(), a.matchFunding(),
                a.profile(), a.projectEndDate(), a.subFunding(), a.boardEndorsement(), a.planPriorities(),
                a.evaluationPlan(), a.sustainabilityPlan(), Instant.parse(instant));
    }

    static Application by(Applicant applicant) {
        Application a = asking("5000.00");
        return new Application(applicant, a.amountRequested(), a.totalProjectCost(), a.matchFunding(),
                a.profile(), a.projectEndDate(), a.subFunding(), a.boardEndorsement(), a.planPriorities(),
                a.evaluationPlan(), a.sustainabilityPlan(), a.submittedAt());
    }

    static Application profiled(String amount, YearAmount... years) {
        Application a = asking(amount);
        return new Application(a.applicant(), a.amountRequested(), a.totalProjectCost(), a.matchFunding(),
                List.of(years), a.projectEndDate(), a.subFunding(), a.boardEndorsement(), a.planPriorities(),
                a.evaluationPlan(), a.sustainabilityPlan(), a.submittedAt());
    }

    static YearAmount year(String financialYear, String amount) {
        return new YearAmount(financialYear, new BigDecimal(amount));
    }

    static Application endingOn(LocalDate end) {
        Application a = asking("5000.00");
        return new Application(a.applicant(), a.amountRequested(), a.totalProjectCost(), a.matchFunding(),
                a.profile(), end, a.subFunding(), a.boardEndorsement(), a.planPriorities(), a.evaluationPlan(),
                a.sustainabilityPlan(), a.submittedAt());
    }

    static Application declaring(Boolean subFunding, Boolean endorsed, Set<PlanPriority> priorities,
            String evaluationPlan, String sustainabilityPlan) {
        Application a = asking("5000.00");
        return new Application(a.applicant(), a.amountRequested(), a.totalProjectCost(), a.matchFunding(),
                a.profile(), a.projectEndDate(), subFunding, endorsed, priorities, evaluationPlan,
                sustainabilityPlan, a.submittedAt());
    }
}
