package org.grantflow.notifications.email;

import java.time.Clock;
import java.util.Arrays;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * The email addresses of applicant organisations, learnt from the bid events that carry them
 * ({@code contactEmails}); the latest event wins.
 */
@ApplicationScoped
public class OrganisationContacts {

    private final EntityManager em;
    private final Clock clock;

    OrganisationContacts(EntityManager em, Clock clock) {
        this.em = em;
        this.clock = clock;
    }

    /** Remembers an organisation's addresses; an empty list changes nothing. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void remember(String organisationId, List<String> emails) {
        if (emails.isEmpty()) {
            return;
        }
        em.createNativeQuery("""
                INSERT INTO organisation_contact (organisation_id, emails, updated_at) VALUES (:org, :emails, :at)
                ON CONFLICT (organisation_id) DO UPDATE SET emails = EXCLUDED.emails, updated_at = EXCLUDED.updated_at""")
                .setParameter("org", organisationId)
                .setParameter("emails", String.join(",", emails))
                .setParameter("at", clock.instant())
                .executeUpdate();
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public List<String> emails(String organisationId) {
        List<?> rows = em.createNativeQuery("SELECT emails FROM organisation_contact WHERE organisation_id = :org")
                .setParameter("org", organisationId)
                .getResultList();
        return rows.isEmpty() ? List.of()
                : Arrays.stream(rows.get(0).toString().split(",")).map(String::strip).filter(e -> !e.isEmpty())
                        .toList();
    }
}
