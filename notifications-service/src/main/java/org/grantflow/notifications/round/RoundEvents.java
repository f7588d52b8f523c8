package org.grantflow.notifications.round;

import java.time.Clock;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import org.grantflow.notifications.inbox.EventHandler;
import org.grantflow.notifications.inbox.IncomingEvent;
import org.grantflow.notifications.notification.Audience;
import org.grantflow.notifications.notification.NotificationKind;
import org.grantflow.notifications.notification.NotificationService;
import org.grantflow.notifications.reminder.ReminderPlanner;
import org.grantflow.notifications.template.Messages;

/** grants-service's round events: keeps the deadlines that reminders count back from, and tells the assessors. */
@ApplicationScoped
public class RoundEvents implements EventHandler {

    static final String OPENED = "grantflow.round.opened.v1";

    private final KnownRoundRepository rounds;
    private final NotificationService notifications;
    private final Messages messages;
    private final ReminderPlanner reminders;
    private final Clock clock;

    RoundEvents(KnownRoundRepository rounds, NotificationService notifications, Messages messages,
            ReminderPlanner reminders, Clock clock) {
        this.rounds = rounds;
        this.notifications = notifications;
        this.messages = messages;
        this.reminders = reminders;
        this.clock = clock;
    }

    @Override
    public Set<String> types() {
        return Set.of(OPENED);
    }

    @Override
    public void handle(IncomingEvent event) {
        RoundOpened opened = RoundOpened.from(event);
        KnownRound round = rounds.findById(opened.roundId());
        boolean known = round != null;
        if (!known) {
            round = new KnownRound();
            round.roundId = opened.roundId();
        }
        round.fundId = opened.fundId();
        round.fundName = opened.fundName();
        round.name = opened.name();
        round.closesAt = opened.closesAt();
        round.spendBy = opened.spendBy();
        round.updatedAt = clock.instant();
        if (!known) {
            rounds.persist(round);
        }
        rounds.flush();
        // Drafts may have arrived first: the bid and round topics are not ordered with each other.
        reminders.planRoundClosing(opened.roundId());
        notifications.record(Audience.ASSESSORS.team(), Audience.ASSESSORS, NotificationKind.ROUND_OPENED,
                messages.render("round-opened", Map.of("round", opened)), null, opened.roundId(), event.id());
    }
}
