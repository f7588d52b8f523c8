package org.grantflow.notifications.bid;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

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

    /** Whether an organisation has submitted a bid in a round (and not withdrawn it). */
    public boolean hasBid(UUID roundId, String organisationId) {
        return count("roundId = ?1 AND organisationId = ?2 AND status IN ?3", roundId, organisationId,
                BidStatus.HAS_BID) > 0;
    }

    /** Records what an event said of a bid; a title it does not carry keeps the one known. */
    @Transactional(Transactional.TxType.MANDATORY)
    public KnownBid remember(UUID bidId, UUID roundId, String organisationId, String title, BidStatus status,
            Instant at) {
        KnownBid bid = findById(bidId);
        boolean known = bid != null;
        if (!known) {
            bid = new KnownBid();
            bid.bidId = bidId;
        }
        bid.roundId = roundId;
        bid.organisationId = organisationId;
        if (title != null) {
            bid.title = title;
        }
        bid.status = status;
        bid.updatedAt = at;
        if (!known) {
            persist(bid);
        }
        flush();
        return bid;
    }
}
