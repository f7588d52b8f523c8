package org.grantflow.notifications.email;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.SQLInsert;

/**
 * An applicant organisation's contact addresses, comma-separated, as the latest event that carried
 * them said. Written as an upsert, so that an organisation named for the first time by two
 * transactions at once gets the later one's addresses rather than a failed insert.
 */
@Entity
@Table(name = "organisation_contact")
@SQLInsert(sql = """
        INSERT INTO organisation_contact (emails, updated_at, organisation_id) VALUES (?, ?, ?)
        ON CONFLICT (organisation_id) DO UPDATE SET emails = EXCLUDED.emails, updated_at = EXCLUDED.updated_at""")
public class OrganisationContact {

    @Id
    @Column(name = "organisation_id")
    public String organisationId;

    @Column(nullable = false)
    public String emails;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
