package org.grantflow.notifications.reminder;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;

import org.grantflow.notifications.TransactionMemo;
import org.grantflow.notifications.award.Awards;
import org.grantflow.notifications.award.KnownAward;
import org.grantflow.notifications.bid.BidStatus;
import org.grantflow.notifications.round.KnownRound;
import org.grantflow.notifications.round.KnownRoundRepository;

/**
 * Keeps the reminders in step with the read model, in the transaction of the event (or request)
 * that changed it:
 * <ul>
 * <li>round closing: one per closing date and configured offset for each organisation with a draft
 * in the round or subscribed to its fund without having bid in it;</li>
 * <li>spend-by: before the spend-by date of an award that is not fully paid;</li>
 * <li>evaluation due: when a funded project that must be evaluated ends.</li>
 * </ul>
 * A reminder no longer wanted is cancelled, but only while its time is still to come: one that is
 * already due is left to the dispatcher, which checks again before sending.
 */
@ApplicationScoped
public class ReminderPlanner {

    static final String NO_DRAFT = "No draft bid left in the round";

    private final EntityManager em;
    private final KnownRoundRepository rounds;
    private final Awards awards;
    private final ReminderConfig config;
    private final Clock clock;
    private final TransactionMemo memo;

    ReminderPlanner(EntityManager em, KnownRoundRepository rounds, Awards awards, ReminderConfig config,
            Clock clock, TransactionMemo memo) {
        this.em = em;
        this.rounds = rounds;
        this.awards = awards;
        this.config = config;
        this.clock = clock;
        this.memo = memo;
    }

    /**
     * Serialises the transactions that change what a round, fund or award's reminders depend on, until
     * the end of the calling transaction. Without it, a round's event could plan a reminder from a
     * draft that a concurrent bid event is just submitting, and neither would see the other's work.
     * Take a fund's lock before its rounds', so that no two transactions wait for each other.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void lock(UUID roundFundOrBid) {
        lock(List.of(roundFundOrBid));
    }

    /**
     * Takes the locks of several rounds, funds or bids in one statement, in the order of their keys
     * (so that two transactions taking theirs this way never wait for each other). A lock this
     * transaction already holds is not asked for again.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void lock(Collection<UUID> roundsFundsOrBids) {
        Map<Long, Boolean> held = memo.map("advisory-locks");
        List<Long> keys = roundsFundsOrBids.stream().map(id -> id.getMostSignificantBits() ^ id.getLeastSignificantBits())
                .filter(key -> !held.containsKey(key)).distinct().sorted().toList();
        if (keys.isEmpty()) {
            return;
        }
        em.createNativeQuery("""
                SELECT count(pg_advisory_xact_lock(k))
                FROM (SELECT k FROM unnest(CAST(:keys AS bigint[])) AS v (k) ORDER BY k) AS sorted""")
                .setParameter("keys", keys.toArray(Long[]::new))
                .getSingleResult();
        keys.forEach(key -> held.put(key, true));
    }

    /**
     * Locks rounds and notes, for the rest of the transaction, every organisation that planning their
     * closing reminders could concern: those with a draft in the round, those subscribed to its fund
     * and those with a closing reminder scheduled. Planning a round for any other organisation would
     * change nothing, so {@link #planRound(UUID, String)} skips it. No other transaction can add one
     * while the lock is held (drafts, subscriptions and closing reminders of a round change only under
     * its lock); in this one, the read model of bids reports new drafts ({@link #concerns}) and this
     * planner adds those it schedules reminders for.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void lockRounds(Collection<UUID> roundIds) {
        lock(roundIds);
        Map<UUID, Set<String>> concerned = memo.map("round-planning");
        List<UUID> unknown = roundIds.stream().filter(id -> !concerned.containsKey(id)).distinct().toList();
        if (unknown.isEmpty()) {
            return;
        }
        unknown.forEach(id -> concerned.put(id, new HashSet<>()));
        List<?> rows = em.createNativeQuery("""
                SELECT round_id, organisation_id FROM known_bid WHERE round_id = ANY (:rounds) AND status = 'DRAFT'
                UNION
                SELECT r.round_id, s.organisation_id FROM known_round r JOIN fund_subscription s ON s.fund_id = r.fund_id
                WHERE r.round_id = ANY (:rounds)
                UNION
                SELECT round_id, recipient FROM reminder
                WHERE round_id = ANY (:rounds) AND kind = 'ROUND_CLOSING' AND status = 'SCHEDULED'""", Object[].class)
                .setParameter("rounds", unknown.toArray(UUID[]::new))
                .getResultList();
        for (Object row : rows) {
            Object[] columns = (Object[]) row;
            concerned.get((UUID) columns[0]).add((String) columns[1]);
        }
    }

    /** Plans a round's closing reminders for every organisation. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void planRound(UUID roundId) {
        planRound(roundId, null);
    }

    /** Plans a round's closing reminders for one organisation, or every one when {@code organisationId} is null. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void planRound(UUID roundId, String organisationId) {
        if (organisationId != null && unconcerned(roundId, organisationId)) {
            return;
        }
        KnownRound round = rounds.findById(roundId);
        if (round == null || round.closedAt != null) {
            return; // planned when the round's own event arrives; nothing to plan once it closed
        }
        List<String> recipients = recipients(round, organisationId);
        List<Instant> closingDates = recipients.isEmpty() ? List.of() : rounds.closingDates(roundId);
        if (closingDates.isEmpty()) {
            closingDates = List.of(round.closesAt);
        }
        Instant now = clock.instant();
        List<String> keep = new ArrayList<>();
        for (Instant closesAt : closingDates) {
            for (Duration before : config.roundClosing()) {
                Instant due = ReminderSchedule.dueAt(closesAt, before);
                if (!due.isAfter(now)) {
                    continue; // its time passed before anyone was there to be reminded
                }
                String occasion = occasion(ReminderKind.ROUND_CLOSING, roundId, closesAt.toString(), before);
                for (String recipient : recipients) {
                    schedule(occasion, recipient, ReminderKind.ROUND_CLOSING, roundId, null, due);
                    keep.add(occasion + "|" + recipient);
                }
            }
        }
        cancelFutureExcept(ReminderKind.ROUND_CLOSING, "round_id", roundId, organisationId, keep, NO_DRAFT);
    }

    /** Plans the closing reminders of an organisation in every open round of a fund, after its subscription changed. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void planFund(UUID fundId, String organisationId) {
        for (KnownRound round : rounds.openRounds(fundId)) {
            lock(round.roundId);
            planRound(round.roundId, organisationId);
        }
    }

    /**
     * Notes that planning the round's closing reminders concerns the organisation from now on (it has
     * a draft in the round); called by whatever records a draft.
     */
    public void concerns(UUID roundId, String organisationId) {
        Set<String> concerned = memo.<UUID, Set<String>>map("round-planning").get(roundId);
        if (concerned != null) {
            concerned.add(organisationId);
        }
    }

    /** Whether the organisation is known, since {@link #lockRounds}, to have nothing to plan in the round. */
    private boolean unconcerned(UUID roundId, String organisationId) {
        Set<String> concerned = memo.<UUID, Set<String>>map("round-planning").get(roundId);
        return concerned != null && !concerned.contains(organisationId);
    }

    /** A closed round sends no more reminders. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void roundClosed(UUID roundId) {
        em.createNativeQuery("""
                UPDATE reminder SET status = 'CANCELLED', reason = 'The round closed'
                WHERE round_id = :round AND kind = 'ROUND_CLOSING' AND status = 'SCHEDULED'""")
                .setParameter("round", roundId)
                .executeUpdate();
    }

    /** Plans an award's spend-by and evaluation reminders from what is known of it now. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void planAward(UUID bidId) {
        KnownAward award = awards.findById(bidId);
        if (award == null) {
            return;
        }
        Instant now = clock.instant();
        List<String> keep = new ArrayList<>();
        LocalDate spendBy = spendBy(award);
        BigDecimal outstanding = awards.outstanding(award);
        boolean unpaid = outstanding != null && outstanding.signum() > 0;
        if (spendBy != null && unpaid) {
            for (Duration before : config.spendBy()) {
                Instant due = ReminderSchedule.atUkTime(spendBy.minusDays(before.toDays()), config.timeOfDay());
                keep.addAll(scheduleIfAhead(ReminderKind.SPEND_BY, award, spendBy, before, due, now));
            }
        }
        cancelFutureExcept(ReminderKind.SPEND_BY, "bid_id", bidId, null, keep,
                unpaid ? "The spend-by date changed" : "The award is fully paid");
        keep.clear();
        if (award.evaluationRequired && award.projectEndDate != null) {
            Duration after = config.evaluationDue();
            Instant due = ReminderSchedule.atUkTime(award.projectEndDate.plusDays(after.toDays()), config.timeOfDay());
            keep.addAll(scheduleIfAhead(ReminderKind.EVALUATION_DUE, award, award.projectEndDate, after, due, now));
        }
        cancelFutureExcept(ReminderKind.EVALUATION_DUE, "bid_id", bidId, null, keep,
                "The project's end date changed or no evaluation is required");
    }

    /** The award's own spend-by date, else its round's. */
    LocalDate spendBy(KnownAward award) {
        if (award.spendBy != null || award.roundId == null) {
            return award.spendBy;
        }
        KnownRound round = rounds.findById(award.roundId);
        return round == null ? null : round.spendBy;
    }

    private List<String> scheduleIfAhead(ReminderKind kind, KnownAward award, LocalDate date, Duration offset,
            Instant due, Instant now) {
        if (!due.isAfter(now)) {
            return List.of();
        }
        String occasion = occasion(kind, award.bidId, date.toString(), offset);
        schedule(occasion, award.organisationId, kind, award.roundId, award.bidId, due);
        return List.of(occasion + "|" + award.organisationId);
    }

    /**
     * The organisations to remind before a round closes: those with a draft in it, and those
     * subscribed to its fund that have not bid in it.
     */
    private List<String> recipients(KnownRound round, String organisationId) {
        if (organisationId != null) {
            return isRecipient(round, organisationId) ? List.of(organisationId) : List.of();
        }
        return em.createNativeQuery("""
                SELECT organisation_id FROM known_bid WHERE round_id = :round AND status = 'DRAFT'
                UNION
                SELECT s.organisation_id FROM fund_subscription s WHERE s.fund_id = :fund
                AND NOT EXISTS (SELECT 1 FROM known_bid b WHERE b.round_id = :round
                    AND b.organisation_id = s.organisation_id AND b.status IN (:hasBid))
                ORDER BY 1""", String.class)
                .setParameter("round", round.roundId)
                .setParameter("fund", round.fundId)
                .setParameter("hasBid", BidStatus.HAS_BID.stream().map(Enum::name).toList())
                .getResultList().stream().map(String.class::cast).toList();
    }

    /**
     * Whether one organisation is to be reminded before a round closes, from the statuses of its own
     * bids in the round and whether it subscribes to the round's fund. It runs for each bid event, so
     * it must read only that organisation's bids: its statement names no status (migration V8 says why).
     */
    private boolean isRecipient(KnownRound round, String organisationId) {
        List<?> statuses = em.createNativeQuery("""
                SELECT status FROM known_bid WHERE round_id = :round AND organisation_id = :organisation
                UNION ALL
                SELECT 'SUBSCRIBED' FROM fund_subscription WHERE fund_id = :fund AND organisation_id = :organisation""",
                String.class)
                .setParameter("round", round.roundId)
                .setParameter("fund", round.fundId)
                .setParameter("organisation", organisationId)
                .getResultList();
        boolean hasBid = BidStatus.HAS_BID.stream().anyMatch(status -> statuses.contains(status.name()));
        return statuses.contains(BidStatus.DRAFT.name()) || statuses.contains("SUBSCRIBED") && !hasBid;
    }

    /** The occasion of a reminder, e.g. {@code round-closing/<roundId>/<closesAt>/P7D}. */
    static String occasion(ReminderKind kind, UUID about, String date, Duration offset) {
        String prefix = kind.name().toLowerCase(Locale.ROOT).replace('_', '-');
        return prefix + "/" + about + "/" + date + "/" + ReminderSchedule.name(offset);
    }

    /** The offset named at the end of an occasion. */
    static Duration offset(String occasion) {
        return Duration.parse(occasion.substring(occasion.lastIndexOf('/') + 1));
    }

    /** The date (a closing instant, a spend-by or end date) named in an occasion. */
    static String date(String occasion) {
        String[] parts = occasion.split("/");
        return parts[parts.length - 2];
    }

    /** Inserts the reminder, or schedules a cancelled one again; a sent or missed one stays as it is. */
    private void schedule(String occasion, String recipient, ReminderKind kind, UUID roundId, UUID bidId,
            Instant due) {
        if (kind == ReminderKind.ROUND_CLOSING) {
            concerns(roundId, recipient);
        }
        Query insert = em.createNativeQuery("""
                INSERT INTO reminder (id, occasion, recipient, kind, round_id, bid_id, due_at, status)
                VALUES (:id, :occasion, :recipient, :kind, %s, %s, :due, 'SCHEDULED')
                ON CONFLICT (occasion, recipient) DO UPDATE
                SET due_at = EXCLUDED.due_at, status = 'SCHEDULED', reason = NULL
                WHERE reminder.status IN ('SCHEDULED', 'CANCELLED')""".formatted(
                roundId == null ? "NULL" : ":round", bidId == null ? "NULL" : ":bid"))
                .setParameter("id", UUID.randomUUID())
                .setParameter("occasion", occasion)
                .setParameter("recipient", recipient)
                .setParameter("kind", kind.name())
                .setParameter("due", due);
        if (roundId != null) {
            insert.setParameter("round", roundId);
        }
        if (bidId != null) {
            insert.setParameter("bid", bidId);
        }
        insert.executeUpdate();
    }

    /** Cancels the scheduled, not yet due reminders of a kind about a round or bid that are not in {@code keep}. */
    private void cancelFutureExcept(ReminderKind kind, String column, UUID about, String recipient, List<String> keep,
            String reason) {
        String onlyRecipient = recipient == null ? "" : " AND recipient = :recipient";
        String notKept = keep.isEmpty() ? "" : " AND (occasion || '|' || recipient) NOT IN (:keep)";
        Query cancel = em.createNativeQuery("""
                UPDATE reminder SET status = 'CANCELLED', reason = :reason
                WHERE %s = :about AND kind = :kind AND status = 'SCHEDULED' AND due_at > :now%s%s"""
                .formatted(column, onlyRecipient, notKept))
                .setParameter("reason", reason)
                .setParameter("about", about)
                .setParameter("kind", kind.name())
                .setParameter("now", clock.instant());
        if (recipient != null) {
            cancel.setParameter("recipient", recipient);
        }
        if (!keep.isEmpty()) {
            cancel.setParameter("keep", keep);
        }
        cancel.executeUpdate();
    }
}
