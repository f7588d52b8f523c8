package org.grantflow.grants.eligibility;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import org.grantflow.grants.problem.Violation;

/**
 * Only members of named groups (Fly-Tipping Fund: the Fly Tipping Group) or organisations of given
 * types (Local Partnership Reserve: community safety partnerships) may bid. Either suffices.
 */
public record EligibleApplicantsRule(List<String> groups, List<OrganisationType> types) implements EligibilityRule {

    public EligibleApplicantsRule {
        groups = groups == null ? List.of() : List.copyOf(groups);
        types = types == null ? List.of() : List.copyOf(types);
    }

    @Override
    public Optional<Violation> check(Application a) {
        Applicant applicant = a.applicant();
        boolean member = groups.stream().anyMatch(applicant::isMemberOf);
        boolean ofType = applicant.type() != null && types.contains(applicant.type());
        if (member || ofType) {
            return EligibilityRule.pass();
        }
        return EligibilityRule.fail("ELIGIBLE_APPLICANT", "organisationId",
                "Only " + who() + " may bid in this round; " + applicant.name() + " is not one");
    }

    @Override
    public String inWords() {
        return "Only " + who() + " may bid.";
    }

    private String who() {
        String members = groups.stream().map(g -> "members of the " + g).collect(Collectors.joining(" or "));
        String kinds = types.stream().map(t -> t.words() + "s").collect(Collectors.joining(" or "));
        if (members.isEmpty()) {
            return kinds;
        }
        return kinds.isEmpty() ? members : members + " or " + kinds;
    }
}
