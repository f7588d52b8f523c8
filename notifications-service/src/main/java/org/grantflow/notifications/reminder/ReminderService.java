package org.grantflow.notifications.reminder;

import java.lang.management.ManagementFactory;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.grantflow.notifications.api.Filter;
import org.grantflow.notifications.api.Page;
import org.grantflow.notifications.award.Awards;
import org.grantflow.notifications.award.KnownAward;
import org.grantflow.notifications.bid.KnownBidRepository;
import org.grantflow.notifications.notification.Audience;
import org.grantflow.notifications.notification.Notification;
import org.grantflow.notifications.notification.NotificationService;
import org.grantflow.notifications.round.KnownRound;
import org.grantflow.notifications.round.KnownRoundRepository;
import org.grantflow.notifications.subscription.FundSubscriptionRepository;
import org.grantflow.notifications.template.Formats;
import org.grantflow.notifications.template.Message;
import org.grantflow.notifications.template.Messages;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.panache.common.Sort;

/**
 * Sends the reminders that fell due. Any number of instances may call {@link #dispatchDue()} at
 * once: each claims due rows with {@code FOR UPDATE SKIP LOCKED} and, in the same transaction,
 * records the notification and marks the reminder sent, so each reminder is sent exactly once.
 * Before sending, it checks the read model again: a reminder no longer wanted is cancelled, one
 * whose occasion passed is missed.
 */
@ApplicationScoped
public class ReminderService {

    private final EntityManager em;
    private final ReminderRepository reminders;
    private final KnownRoundRepository rounds;
    private final KnownBidRepository bids;
    private final FundSubscriptionRepository subscriptions;
    private final Awards awards;
    private final NotificationService notifications;
    private final Messages messages;
    private final ReminderConfig config;
    private final Clock clock;
    private final String instance;

    ReminderService(EntityManager em, ReminderRepository reminders, KnownRoundRepository rounds,
            KnownBidRepository bids, FundSubscriptionRepository subscriptions, Awards awards,
            NotificationService notifications, Messages messages, ReminderConfig config, Clock clock) {
        this.em = em;
        this.reminders = reminders;
        this.rounds = rounds;
        this.bids = bids;
        this.subscriptions = subscriptions;
        this.awards = awards;
        this.notifications = notifications;
        this.messages = messages;
        this.config = config;
        this.clock = clock;
        // "pid@host", as the JVM names itself
        this.instance = config.instanceId().orElseGet(() -> ManagementFactory.getRuntimeMXBean().getName());
    }

    /** @return how many reminders this call sent */
    public int dispatchDue() {
        int sent = 0;
        int claimed;
        do {
            int[] batch = QuarkusTransaction.requiringNew().call(this::dispatchBatch);
            claimed = batch[0];
            sent += batch[1];
        } while (claimed == config.batchSize());
        return sent;
    }

    /** @return how many due reminders were claimed and how many of them were sent */
    int[] dispatchBatch() {
        Instant now = clock.instant();
        @SuppressWarnings("unchecked")
        List<Reminder> due = em.createNativeQuery("""
                SELECT * FROM reminder WHERE status = 'SCHEDULED' AND due_at <= :now
                ORDER BY due_at LIMIT :limit FOR UPDATE SKIP LOCKED""", Reminder.class)
                .setParameter("now", now)
                .setParameter("limit", config.batchSize())
                .getResultList();
        int sent = 0;
        for (Reminder reminder : due) {
            Message message = switch (reminder.kind) {
                case ROUND_CLOSING -> roundClosing(reminder, now);
                case SPEND_BY -> spendBy(reminder, now);
                case EVALUATION_DUE -> evaluationDue(reminder);
            };
            if (message != null) {
                send(reminder, message, now);
                sent++;
            }
        }
        return new int[] { due.size(), sent };
    }

    private Message roundClosing(Reminder reminder, Instant now) {
        KnownRound round = rounds.findById(reminder.roundId);
        Instant closesAt = Instant.parse(ReminderPlanner.date(reminder.occasion));
        if (round == null || round.closedAt != null || !closesAt.isAfter(now)) {
            return skip(reminder, ReminderStatus.MISSED, "The round closed before the reminder could be sent");
        }
        List<String> titles = bids.draftTitles(reminder.roundId, reminder.recipient);
        if (titles.isEmpty() && (!subscriptions.isSubscribed(round.fundId, reminder.recipient)
                || bids.hasBid(reminder.roundId, reminder.recipient))) {
            return skip(reminder, ReminderStatus.CANCELLED, ReminderPlanner.NO_DRAFT);
        }
        return messages.render("round-closing", Messages.data("round", round, "closesAt", closesAt, "titles", titles,
                "when", ReminderSchedule.inWords(ReminderPlanner.offset(reminder.occasion))));
    }

    private Message spendBy(Reminder reminder, Instant now) {
        KnownAward award = awards.findById(reminder.bidId);
        LocalDate spendBy = LocalDate.parse(ReminderPlanner.date(reminder.occasion));
        if (award == null) {
            return skip(reminder, ReminderStatus.CANCELLED, "The award is not known");
        }
        if (ReminderSchedule.atUkTime(spendBy.plusDays(1), LocalTime.MIDNIGHT).isBefore(now)) {
            return skip(reminder, ReminderStatus.MISSED, "The spend-by date passed before the reminder could be sent");
        }
        BigDecimal outstanding = awards.outstanding(award);
        if (outstanding == null || outstanding.signum() <= 0) {
            return skip(reminder, ReminderStatus.CANCELLED, "The award is fully paid");
        }
        return messages.render("spend-by-due", Messages.data("award", award, "spendBy", spendBy,
                "outstanding", outstanding, "paidSoFar", awards.paidSoFar(award.bidId),
                "when", ReminderSchedule.inWords(ReminderPlanner.offset(reminder.occasion))));
    }

    private Message evaluationDue(Reminder reminder) {
        KnownAward award = awards.findById(reminder.bidId);
        if (award == null || !award.evaluationRequired) {
            return skip(reminder, ReminderStatus.CANCELLED, "No evaluation is required");
        }
        LocalDate ends = LocalDate.parse(ReminderPlanner.date(reminder.occasion));
        KnownRound round = award.roundId == null ? null : rounds.findById(award.roundId);
        return messages.render("evaluation-due", Messages.data("award", award, "projectEndDate", ends,
                "ended", !ends.isAfter(LocalDate.ofInstant(clock.instant(), Formats.UK)),
                "roundName", round == null ? null : round.name));
    }

    private static Message skip(Reminder reminder, ReminderStatus status, String reason) {
        reminder.status = status;
        reminder.reason = reason;
        return null;
    }

    private void send(Reminder reminder, Message message, Instant now) {
        Notification notification = notifications.record(reminder.recipient, Audience.APPLICANT,
                reminder.kind.notification(), message, reminder.bidId, reminder.roundId, null);
        notification.reminderId = reminder.id;
        reminder.status = ReminderStatus.SENT;
        reminder.sentAt = now;
        reminder.sentBy = instance;
        reminder.notificationId = notification.id;
    }

    /** Soonest due first, so the head of {@code status=SCHEDULED} is what fires next. */
    @Transactional
    public Page<ReminderView> list(ReminderFilter query, int page, int size) {
        Filter filter = new Filter().equal("status", query.status()).equal("kind", query.kind())
                .equal("roundId", query.roundId()).equal("bidId", query.bidId()).equal("recipient", query.recipient());
        Sort soonestFirst = Sort.ascending("dueAt").and("recipient").and("occasion");
        return Page.of(reminders.find(filter.query(), soonestFirst, filter.parameters()), page, size,
                ReminderView::of);
    }
}
