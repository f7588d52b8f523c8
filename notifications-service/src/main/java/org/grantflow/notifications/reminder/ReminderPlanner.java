package org.grantflow.notifications.reminder;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.grantflow.notifications.bid.KnownBidRepository;
import org.grantflow.notifications.round.KnownRound;
import org.grantflow.notifications.round.KnownRoundRepository;

/**
 * Keeps the reminders of a round in step with the read model: one per configured offset for each
 * organisation with a draft in the round, cancelled when it no longer has one. Called in the
 * transaction of the event that changed the read model.
 */
@ApplicationScoped
public class ReminderPlanner {

    private final EntityManager em;
    private final KnownRoundRepository rounds;
    private final KnownBidRepository bids;
    private final ReminderConfig config;
    private final Clock clock;

    ReminderPlanner(EntityManager em, KnownRoundRepository rounds, KnownBidRepository bids, ReminderConfig config,
            Clock clock) {
        this.em = em;
        this.rounds = rounds;
        this.bids = bids;
        this.config = config;
        this.clock = clock;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void planRoundClosing(UUID roundId) {
        KnownRound round = rounds.findById(roundId);
        if (round == null) {
            return; // planned when the round's own event arrives
        }
        List<String> drafting = bids.organisationsWithDrafts(roundId);
        Instant now = clock.instant();
        for (Duration before : config.roundClosing()) {
            Instant due = ReminderSchedule.dueAt(round.closesAt, before);
            if (!due.isAfter(now)) {
                continue; // its time passed before anyone had a draft to be reminded of
            }
            for (String organisation : drafting) {
                schedule(occasion(roundId, before), organisation, roundId, due);
            }
        }
        cancelAllBut(roundId, drafting);
    }

    static String occasion(UUID roundId, Duration before) {
        return "round-closing/" + roundId + "/" + ReminderSchedule.name(before);
    }

    /** The offset named at the end of a round-closing occasion. */
    static Duration offset(String occasion) {
        return Duration.parse(occasion.substring(occasion.lastIndexOf('/') + 1));
    }

    /** Inserts the reminder, or schedules a cancelled one again; a sent one stays sent. */
    private void schedule(String occasion, String recipient, UUID roundId, Instant due) {
        em.createNativeQuery("""
                INSERT INTO reminder (id, occasion, recipient, kind, round_id, due_at, status)
                VALUES (:id, :occasion, :recipient, :kind, :round, :due, 'SCHEDULED')
                ON CONFLICT (occasion, recipient) DO UPDATE
                SET due_at = EXCLUDED.due_at, status = 'SCHEDULED', reason = NULL
                WHERE reminder.status IN ('SCHEDULED', 'CANCELLED')""")
                .setParameter("id", UUID.randomUUID())
                .setParameter("occasion", occasion)
                .setParameter("recipient", recipient)
                .setParameter("kind", ReminderKind.ROUND_CLOSING.name())
                .setParameter("round", roundId)
                .setParameter("due", due)
                .executeUpdate();
    }

    private void cancelAllBut(UUID roundId, List<String> drafting) {
        String still = drafting.isEmpty() ? "" : " AND recipient NOT IN (:drafting)";
        var cancel = em.createNativeQuery("""
                UPDATE reminder SET status = 'CANCELLED', reason = 'No draft bid left in the round'
                WHERE round_id = :round AND kind = :kind AND status = 'SCHEDULED'""" + still)
                .setParameter("round", roundId)
                .setParameter("kind", ReminderKind.ROUND_CLOSING.name());
        if (!drafting.isEmpty()) {
            cancel.setParameter("drafting", drafting);
        }
        cancel.executeUpdate();
    }
}
