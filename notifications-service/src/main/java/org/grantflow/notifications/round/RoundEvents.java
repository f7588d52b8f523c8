package org.grantflow.notifications.round;

import java.time.Clock;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import org.grantflow.notifications.bid.KnownBidRepository;
import org.grantflow.notifications.inbox.EventHandler;
import org.grantflow.notifications.inbox.IncomingEvent;
import org.grantflow.notifications.notification.Audience;
import org.grantflow.notifications.notification.NotificationKind;
import org.grantflow.notifications.notification.NotificationService;
import org.grantflow.notifications.reminder.ReminderPlanner;
import org.grantflow.notifications.subscription.FundSubscriptionRepository;
import org.grantflow.notifications.template.Messages;

/**
 * grants-service's round events: keeps the closing dates that reminders count back from, tells the
 * assessors and the fund's subscribers that a round opened, and stops reminders once it closed.
 */
@ApplicationScoped
public class RoundEvents implements EventHandler {

    static final String OPENED = "grantflow.round.opened.v1";
    static final String CLOSED = "grantflow.round.closed.v1";

    private final KnownRoundRepository rounds;
    private final KnownBidRepository bids;
    private final FundSubscriptionRepository subscriptions;
    private final NotificationService notifications;
    private final Messages messages;
    private final ReminderPlanner reminders;
    private final Clock clock;

    RoundEvents(KnownRoundRepository rounds, KnownBidRepository bids, FundSubscriptionRepository subscriptions,
            NotificationService notifications, Messages messages, ReminderPlanner reminders, Clock clock) {
        this.rounds = rounds;
        this.bids = bids;
        this.subscriptions = subscriptions;
        this.notifications = notifications;
        this.messages = messages;
        this.reminders = reminders;
        this.clock = clock;
    }

    @Override
    public Set<String> types() {
        return Set.of(OPENED, CLOSED);
    }

    @Override
    public void handle(IncomingEvent event) {
        switch (event.type()) {
            case OPENED -> opened(RoundOpened.from(event), event);
            case CLOSED -> closed(RoundClosed.from(event), event);
            default -> throw new IllegalStateException("Not a round event: " + event.type());
        }
    }

    private void opened(RoundOpened opened, IncomingEvent event) {
        reminders.lock(opened.fundId());
        reminders.lock(opened.roundId());
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
        round.rolling = opened.rolling();
        round.gracePeriodSeconds = (int) Math.min(Integer.MAX_VALUE, opened.gracePeriodSeconds());
        round.updatedAt = clock.instant();
        if (!known) {
            rounds.persist(round);
        }
        rounds.flush();
        rounds.replaceClosingDates(opened.roundId(), opened.closingDates());
        // Drafts may have arrived first: the bid and round topics are not ordered with each other.
        reminders.planRound(opened.roundId());
        notifications.record(Audience.ASSESSORS.team(), Audience.ASSESSORS, NotificationKind.ROUND_OPENED,
                messages.render("round-opened", Messages.data("round", opened, "subscriber", false)), null,
                opened.roundId(), event);
        for (String subscriber : subscriptions.subscribers(opened.fundId())) {
            notifications.record(subscriber, Audience.APPLICANT, NotificationKind.ROUND_OPENED,
                    messages.render("round-opened", Messages.data("round", opened, "subscriber", true)), null,
                    opened.roundId(), event);
        }
    }

    private void closed(RoundClosed closed, IncomingEvent event) {
        reminders.lock(closed.roundId());
        KnownRound round = rounds.findById(closed.roundId());
        String fundName = closed.fundName() != null ? closed.fundName() : round == null ? null : round.fundName;
        if (round != null) {
            round.closedAt = closed.closedAt();
            round.updatedAt = clock.instant();
            rounds.flush();
        }
        reminders.roundClosed(closed.roundId());
        notifications.record(Audience.ASSESSORS.team(), Audience.ASSESSORS, NotificationKind.ROUND_CLOSED,
                messages.render("round-closed",
                        Messages.data("round", closed, "fundName", fundName, "titles", List.of())), null,
                closed.roundId(), event);
        for (String organisation : bids.organisationsWithDrafts(closed.roundId())) {
            List<String> titles = bids.draftTitles(closed.roundId(), organisation);
            notifications.record(organisation, Audience.APPLICANT, NotificationKind.ROUND_CLOSED,
                    messages.render("round-closed", Messages.data("round", closed, "fundName", fundName, "titles",
                            titles)), null, closed.roundId(), event);
        }
    }
}
