package org.grantflow.notifications.bid;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class KnownBidRepository implements PanacheRepositoryBase<KnownBid, UUID> {

    /** The organisations with at least one draft in a round. */
    public List<String> organisationsWithDrafts(UUID roundId) {
        return getEntityManager().createQuery("""
                SELECT DISTINCT b.organisationId FROM KnownBid b
                WHERE b.roundId = :round AND b.status = :draft ORDER BY b.organisationId""", String.class)
                .setParameter("round", roundId)
                .setParameter("draft", BidStatus.DRAFT)
                .getResultList();
    }

    /** The titles of an organisation's drafts in a round. */
    public List<String> draftTitles(UUID roundId, String organisationId) {
        return find("roundId = ?1 AND organisationId = ?2 AND status = ?3 ORDER BY title", roundId, organisationId,
                BidStatus.DRAFT).stream().map(b -> b.title == null ? "(untitled)" : b.title).toList();
    }
}
