package org.grantflow.notifications.commitment;

import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.grantflow.notifications.award.Awards;
import org.grantflow.notifications.bid.KnownBid;
import org.grantflow.notifications.bid.KnownBidRepository;
import org.grantflow.notifications.inbox.EventHandler;
import org.grantflow.notifications.inbox.IncomingEvent;
import org.grantflow.notifications.notification.Audience;
import org.grantflow.notifications.notification.NotificationKind;
import org.grantflow.notifications.notification.NotificationService;
import org.grantflow.notifications.reminder.ReminderPlanner;
import org.grantflow.notifications.round.KnownRound;
import org.grantflow.notifications.round.KnownRoundRepository;
import org.grantflow.notifications.template.Messages;

/**
 * The outcome of the award saga from funds-service: finance hears that the money is committed (the
 * applicant hears from grants-service's {@code bid.awarded}, which follows); a refusal goes to the
 * assessors and finance. The bid's title and round come from the local read model, since the
 * commitment events do not carry them.
 */
@ApplicationScoped
public class CommitmentEvents implements EventHandler {

    static final String MADE = "grantflow.commitment.made.v1";
    static final String REFUSED = "grantflow.commitment.refused.v1";

    private final KnownBidRepository bids;
    private final KnownRoundRepository rounds;
    private final Awards awards;
    private final ReminderPlanner reminders;
    private final NotificationService notifications;
    private final Messages messages;

    CommitmentEvents(KnownBidRepository bids, KnownRoundRepository rounds, Awards awards, ReminderPlanner reminders,
            NotificationService notifications, Messages messages) {
        this.bids = bids;
        this.rounds = rounds;
        this.awards = awards;
        this.reminders = reminders;
        this.notifications = notifications;
        this.messages = messages;
    }

    @Override
    public Set<String> types() {
        return Set.of(MADE, REFUSED);
    }

    @Override
    public void handle(IncomingEvent event) {
        switch (event.type()) {
            case MADE -> made(CommitmentMade.from(event), event);
            case REFUSED -> refused(CommitmentRefused.from(event), event);
            default -> throw new IllegalStateException("Not a commitment event: " + event.type());
        }
    }

    private void made(CommitmentMade commitment, IncomingEvent event) {
        Context context = context(commitment.bidId(), commitment.organisationId());
        if (context.organisationId != null) {
            reminders.lock(commitment.bidId());
            awards.committed(commitment.bidId(), context.organisationId, commitment.commitmentId(),
                    commitment.amount());
            awards.flush();
            reminders.planAward(commitment.bidId());
        }
        Map<String, Object> data = context.with("amount", commitment.amount(), "profile", commitment.profile(),
                "committedAt", commitment.committedAt());
        notifications.record(Audience.FINANCE.team(), Audience.FINANCE, NotificationKind.COMMITMENT_MADE,
                messages.render("commitment-made", data), commitment.bidId(), context.roundId, event);
    }

    private void refused(CommitmentRefused refusal, IncomingEvent event) {
        Context context = context(refusal.bidId(), refusal.organisationId());
        Map<String, Object> data = context.with("amount", refusal.amount(), "reason", refusal.reason(),
                "shortfalls", refusal.shortfalls(), "refusedAt", refusal.refusedAt());
        for (Audience staff : new Audience[] { Audience.ASSESSORS, Audience.FINANCE }) {
            notifications.record(staff.team(), staff, NotificationKind.COMMITMENT_REFUSED,
                    messages.render("commitment-refused", data), refusal.bidId(), context.roundId, event);
        }
    }

    /** What the read model knows of the bid, with fallbacks for a bid it never heard of. */
    private Context context(UUID bidId, String organisationId) {
        KnownBid bid = bids.known(bidId);
        KnownRound round = bid == null ? null : rounds.findById(bid.roundId);
        String organisation = organisationId != null ? organisationId : bid == null ? null : bid.organisationId;
        return new Context(bid == null || bid.title == null ? "bid " + bidId : bid.title,
                organisation, bid == null ? null : bid.roundId, round == null ? null : round.name,
                round == null ? "fund" : round.fundName);
    }

    private record Context(String title, String organisationId, UUID roundId, String roundName, String fundName) {

        Map<String, Object> with(Object... more) {
            Map<String, Object> data = Messages.data("title", title, "organisationId",
                    organisationId == null ? "an unknown organisation" : organisationId, "roundName", roundName,
                    "fundName", fundName);
            data.putAll(Messages.data(more));
            return data;
        }
    }
}
