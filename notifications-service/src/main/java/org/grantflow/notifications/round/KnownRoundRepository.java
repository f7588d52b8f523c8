package org.grantflow.notifications.round;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class KnownRoundRepository implements PanacheRepositoryBase<KnownRound, UUID> {

    /** Every closing date of a round, soonest first: one for an ordinary round, several for a rolling one. */
    public List<Instant> closingDates(UUID roundId) {
        return getEntityManager().createNativeQuery(
                "SELECT closes_at FROM known_round_closing WHERE round_id = :round ORDER BY closes_at", Instant.class)
                .setParameter("round", roundId)
                .getResultList().stream().map(Instant.class::cast).toList();
    }

    /** Replaces a round's closing dates. */
    public void replaceClosingDates(UUID roundId, List<Instant> closingDates) {
        getEntityManager().createNativeQuery("DELETE FROM known_round_closing WHERE round_id = :round")
                .setParameter("round", roundId).executeUpdate();
        for (Instant closesAt : closingDates) {
            getEntityManager().createNativeQuery(
                    "INSERT INTO known_round_closing (round_id, closes_at) VALUES (:round, :closes)")
                    .setParameter("round", roundId).setParameter("closes", closesAt).executeUpdate();
        }
    }

    /** The rounds of a fund still taking bids. */
    public List<KnownRound> openRounds(UUID fundId) {
        return list("fundId = ?1 AND closedAt IS NULL", fundId);
    }
}
