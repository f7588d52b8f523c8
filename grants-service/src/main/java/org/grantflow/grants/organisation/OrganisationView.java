package org.grantflow.grants.organisation;

import java.time.Instant;
import java.util.List;

import org.grantflow.grants.eligibility.OrganisationType;

public record OrganisationView(String id, String name, OrganisationType type, String charityNumber,
        String companyNumber, String postcode, List<String> contactEmails, List<String> memberships,
        Instant createdAt, Instant updatedAt, long version) {

    static OrganisationView of(Organisation o) {
        return new OrganisationView(o.id, o.name, o.type, o.charityNumber, o.companyNumber, o.postcode,
                List.copyOf(o.contactEmails), List.copyOf(o.memberships), o.createdAt, o.updatedAt, o.version);
    }
}
