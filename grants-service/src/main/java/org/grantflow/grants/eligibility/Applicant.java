package org.grantflow.grants.eligibility;

import java.util.Set;

/** The organisation applying: its type and the named groups it belongs to (e.g. the Fly Tipping Group). */
public record Applicant(String organisationId, String name, OrganisationType type, Set<String> memberships) {

    public Applicant {
        memberships = memberships == null ? Set.of() : Set.copyOf(memberships);
    }

    /** An organisation grants-service has no record of: no type, no memberships. */
    public static Applicant unregistered(String organisationId) {
        return new Applicant(organisationId, organisationId, null, Set.of());
    }

    public boolean isMemberOf(String group) {
        return memberships.stream().anyMatch(m -> m.equalsIgnoreCase(group));
    }
}
