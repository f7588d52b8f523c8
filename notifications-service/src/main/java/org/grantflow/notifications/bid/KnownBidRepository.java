package org.grantflow.notifications.bid;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.grantflow.notifications.TransactionMemo;
import org.grantflow.notifications.reminder.ReminderPlanner;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class KnownBidRepository implements PanacheRepositoryBase<KnownBid, UUID> {

    private final TransactionMemo memo;
    private final ReminderPlanner reminders;

    KnownBidRepository(TransactionMemo memo, ReminderPlanner reminders) {
        this.memo = memo;
        this.reminders = reminders;
    }

    /**
     * Loads a batch's bids in one query and notes, until they are remembered, which of them are not
     * known, so that {@link #known} and {@link #remember} need not ask for each.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void load(Collection<UUID> bidIds) {
        if (bidIds.isEmpty()) {
            return;
        }
        Map<UUID, Boolean> absent = absent();
        bidIds.forEach(id -> absent.put(id, true));
        @SuppressWarnings("unchecked")
        List<KnownBid> known = getEntityManager()
                .createNativeQuery("SELECT * FROM known_bid WHERE bid_id = ANY (:ids)", KnownBid.class)
                .setParameter("ids", bidIds.toArray(UUID[]::new))
                .getResultList();
        known.forEach(bid -> absent.remove(bid.bidId));
    }

    /** The bid, or {@code null} if this service never heard of it. */
    @Transactional(Transactional.TxType.MANDATORY)
    public KnownBid known(UUID bidId) {
        return absent().containsKey(bidId) ? null : findById(bidId);
    }

    private Map<UUID, Boolean> absent() {
        return memo.map("bids-not-known");
    }

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
        return bidsIn(roundId, organisationId).stream().filter(b -> b[0] == BidStatus.DRAFT)
                .map(b -> b[1] == null ? "(untitled)" : (String) b[1]).toList();
    }

    /** Whether an organisation has submitted a bid in a round (and not withdrawn it). */
    public boolean hasBid(UUID roundId, String organisationId) {
        return bidsIn(roundId, organisationId).stream().anyMatch(b -> BidStatus.HAS_BID.contains(b[0]));
    }

    /**
     * The status and title of each of an organisation's bids in a round, by title. The statement names
     * no status, so that it reads only the organisation's bids (migration V8 says why).
     */
    private List<Object[]> bidsIn(UUID roundId, String organisationId) {
        return getEntityManager().createQuery("""
                SELECT b.status, b.title FROM KnownBid b
                WHERE b.roundId = :round AND b.organisationId = :organisation ORDER BY b.title""", Object[].class)
                .setParameter("round", roundId)
                .setParameter("organisation", organisationId)
                .getResultList();
    }

    /** Records what an event said of a bid; a title it does not carry keeps the one known. */
    @Transactional(Transactional.TxType.MANDATORY)
    public KnownBid remember(UUID bidId, UUID roundId, String organisationId, String title, BidStatus status,
            Instant at) {
        KnownBid bid = known(bidId);
        boolean known = bid != null;
        if (!known) {
            bid = new KnownBid();
            bid.bidId = bidId;
            absent().remove(bidId);
        }
        bid.roundId = roundId;
        bid.organisationId = organisationId;
        if (title != null) {
            bid.title = title;
        }
        bid.status = status;
        bid.updatedAt = at;
        if (status == BidStatus.DRAFT) {
            reminders.concerns(roundId, organisationId);
        }
        if (!known) {
            persist(bid);
        }
        return bid;
    }
}
