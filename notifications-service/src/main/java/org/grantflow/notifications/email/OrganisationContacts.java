package org.grantflow.notifications.email;

import java.time.Clock;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.grantflow.notifications.TransactionMemo;

/**
 * The email addresses of applicant organisations, learnt from the bid events that carry them
 * ({@code contactEmails}); the latest event wins. What a transaction read or wrote of an
 * organisation's addresses it reads again from memory.
 */
@ApplicationScoped
public class OrganisationContacts {

    private static final String KNOWN = "organisation-contacts";

    private final EntityManager em;
    private final Clock clock;
    private final TransactionMemo memo;

    OrganisationContacts(EntityManager em, Clock clock, TransactionMemo memo) {
        this.em = em;
        this.clock = clock;
        this.memo = memo;
    }

    /**
     * Remembers an organisation's addresses; an empty list changes nothing, and neither do the
     * addresses the transaction already knows for it (read or written): bid events repeat them, and
     * rewriting the row for each would cost an upsert per event ({@code updated_at} is when the
     * addresses last changed). They are written with the transaction's other rows, in one batch,
     * when it flushes.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void remember(String organisationId, List<String> emails) {
        String joined = String.join(",", emails);
        if (emails.isEmpty() || addresses(joined).equals(memo.map(KNOWN).get(organisationId))) {
            return;
        }
        Map<String, OrganisationContact> written = memo.map("organisation-contacts-written");
        OrganisationContact contact = written.get(organisationId);
        boolean managed = contact != null && em.contains(contact);
        if (!managed) {
            contact = new OrganisationContact();
            contact.organisationId = organisationId;
            written.put(organisationId, contact);
        }
        contact.emails = joined;
        contact.updatedAt = clock.instant();
        if (!managed) {
            em.persist(contact);
        }
        memo.map(KNOWN).put(organisationId, addresses(contact.emails));
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public List<String> emails(String organisationId) {
        return memo.get(KNOWN, organisationId, List.of(), this::read);
    }

    /** Reads the addresses of organisations in one query, for the rest of the transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void load(Collection<String> organisationIds) {
        memo.lookUp(KNOWN, organisationIds, List.of(), this::read);
    }

    private Map<String, List<String>> read(List<String> organisationIds) {
        List<?> rows = em.createNativeQuery(
                "SELECT organisation_id, emails FROM organisation_contact WHERE organisation_id = ANY (:orgs)",
                Object[].class)
                .setParameter("orgs", organisationIds.toArray(String[]::new))
                .getResultList();
        Map<String, List<String>> emails = new HashMap<>();
        for (Object row : rows) {
            Object[] columns = (Object[]) row;
            emails.put((String) columns[0], addresses((String) columns[1]));
        }
        return emails;
    }

    private static List<String> addresses(String joined) {
        return Arrays.stream(joined.split(",")).map(String::strip).filter(e -> !e.isEmpty()).toList();
    }
}
