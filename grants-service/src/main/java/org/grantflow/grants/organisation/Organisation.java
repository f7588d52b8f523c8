package org.grantflow.grants.organisation;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Version;

import org.grantflow.grants.eligibility.Applicant;
import org.grantflow.grants.eligibility.OrganisationType;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** An organisation that bids: a council, a partnership, a charity... */
@Entity
public class Organisation {

    /** Also the 'org' claim of the partner tokens that act for it. */
    @Id
    public String id;

    @Column(nullable = false)
    public String name;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public OrganisationType type;

    @Column(name = "charity_number")
    public String charityNumber;

    @Column(name = "company_number")
    public String companyNumber;

    public String postcode;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "contact_emails", nullable = false)
    public List<String> contactEmails = new ArrayList<>();

    /** Named groups the organisation belongs to, e.g. the Fly Tipping Group. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public List<String> memberships = new ArrayList<>();

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Version
    public long version;

    void write(OrganisationDetails details) {
        name = details.name();
        type = details.type();
        charityNumber = details.charityNumber();
        companyNumber = details.companyNumber();
        postcode = details.postcode() == null ? null : details.postcode().toUpperCase();
        contactEmails = details.contactEmails() == null ? new ArrayList<>() : new ArrayList<>(details.contactEmails());
        memberships = details.memberships() == null ? new ArrayList<>() : new ArrayList<>(details.memberships());
    }

    public Applicant applicant() {
        return new Applicant(id, name, type, Set.copyOf(memberships));
    }
}
