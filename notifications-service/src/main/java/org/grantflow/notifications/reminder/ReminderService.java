package org.grantflow.notifications.reminder;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.grantflow.notifications.api.Filter;
import org.grantflow.notifications.api.Page;
import org.grantflow.notifications.bid.KnownBidRepository;
import org.grantflow.notifications.notification.Audience;
import org.grantflow.notifications.notification.Notification;
import org.grantflow.notifications.notification.NotificationKind;
import org.grantflow.notifications.notification.NotificationService;
import org.grantflow.notifications.round.KnownRound;
import org.grantflow.notifications.round.KnownRoundRepository;
import org.grantflow.notifications.template.Messages;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.panache.common.Sort;

/**
 * Sends the reminders that fell due. Any number of instances may call {@link #dispatchDue()} at
 * once: each claims due rows with {@code FOR UPDATE SKIP LOCKED} and, in the same transaction,
 * records the notification and marks the reminder sent, so each reminder is sent exactly once.
 */
@ApplicationScoped
public class ReminderService {

    private final EntityManager em;
    private final ReminderRepository reminders;
    private final KnownRoundRepository rounds;
    private final KnownBidRepository bids;
    private final NotificationService notifications;
    private final Messages messages;
    private final ReminderConfig config;
    private final Clock clock;

    ReminderService(EntityManager em, ReminderRepository reminders, KnownRoundRepository rounds,
            KnownBidRepository bids, NotificationService notifications, Messages messages, ReminderConfig config,
            Clock clock) {
        this.em = em;
        this.reminders = reminders;
        this.rounds = rounds;
        this.bids = bids;
        this.notifications = notifications;
        this.messages = messages;
        this.config = config;
        this.clock = clock;
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
            if (fire(reminder, now)) {
                sent++;
            }
        }
        return new int[] { due.size(), sent };
    }

    private boolean fire(Reminder reminder, Instant now) {
        KnownRound round = rounds.findById(reminder.roundId);
        if (round == null || !round.closesAt.isAfter(now)) {
            reminder.status = ReminderStatus.MISSED;
            reminder.reason = "The round closed before the reminder could be sent";
            return false;
        }
        List<String> titles = bids.draftTitles(reminder.roundId, reminder.recipient);
        if (titles.isEmpty()) {
            reminder.status = ReminderStatus.CANCELLED;
            reminder.reason = "No draft bid left in the round";
            return false;
        }
        Notification notification = notifications.record(reminder.recipient, Audience.APPLICANT,
                NotificationKind.ROUND_CLOSING,
                messages.render("round-closing", Messages.data("round", round, "titles", titles, "when",
                        ReminderSchedule.inWords(ReminderPlanner.offset(reminder.occasion)))),
                null, reminder.roundId, null);
        notification.reminderId = reminder.id;
        reminder.status = ReminderStatus.SENT;
        reminder.sentAt = now;
        reminder.notificationId = notification.id;
        return true;
    }

    /** Soonest due first, so the head of {@code status=SCHEDULED} is what fires next. */
    @Transactional
    public Page<ReminderView> list(ReminderStatus status, UUID roundId, String recipient, int page, int size) {
        Filter filter = new Filter().equal("status", status).equal("roundId", roundId).equal("recipient", recipient);
        Sort soonestFirst = Sort.ascending("dueAt").and("recipient");
        return Page.of(reminders.find(filter.query(), soonestFirst, filter.parameters()), page, size,
                ReminderView::of);
    }
}
