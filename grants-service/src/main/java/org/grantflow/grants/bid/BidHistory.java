package org.grantflow.grants.bid;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/** Moves bids from one status to the next and records each move with who, when and why. */
@ApplicationScoped
public class BidHistory {

    private final EntityManager em;

    BidHistory(EntityManager em) {
        this.em = em;
    }

    /** Records the first status of a bid just persisted. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void started(Bid bid, String who, Instant when, String why) {
        record(bid.id, null, bid.status, who, when, why);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void move(Bid bid, BidStatus to, String who, Instant when, String why) {
        record(bid.id, bid.status, to, who, when, why);
        bid.status = to;
    }

    private void record(UUID bidId, BidStatus from, BidStatus to, String who, Instant when, String why) {
        BidStatusChange change = new BidStatusChange();
        change.bidId = bidId;
        change.fromStatus = from;
        change.toStatus = to;
        change.changedBy = who;
        change.changedAt = when;
        change.reason = why;
        em.persist(change);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public List<BidStatusChange> of(UUID bidId) {
        return em.createQuery("FROM BidStatusChange WHERE bidId = :bid ORDER BY changedAt, id", BidStatusChange.class)
                .setParameter("bid", bidId).getResultList();
    }
}
