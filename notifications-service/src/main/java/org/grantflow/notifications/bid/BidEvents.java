package org.grantflow.notifications.bid;

import java.time.Clock;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.grantflow.notifications.email.OrganisationContacts;
import org.grantflow.notifications.inbox.EventHandler;
import org.grantflow.notifications.inbox.IncomingEvent;
import org.grantflow.notifications.notification.Audience;
import org.grantflow.notifications.notification.NotificationKind;
import org.grantflow.notifications.notification.NotificationService;
import org.grantflow.notifications.reminder.ReminderPlanner;
import org.grantflow.notifications.round.KnownRoundRepository;
import org.grantflow.notifications.template.Messages;

/**
 * grants-service's bid events: keeps the read model of who has a draft in which round (for the
 * round-closing reminders) and tells applicants what happened to their bids.
 */
@ApplicationScoped
public class BidEvents implements EventHandler {

    static final String DRAFTED = "grantflow.bid.drafted.v1";
    static final String SUBMITTED = "grantflow.bid.submitted.v1";
    static final String WITHDRAWN = "grantflow.bid.withdrawn.v1";

    private final KnownBidRepository bids;
    private final KnownRoundRepository rounds;
    private final NotificationService notifications;
    private final Messages messages;
    private final ReminderPlanner reminders;
    private final OrganisationContacts contacts;
    private final Clock clock;

    BidEvents(KnownBidRepository bids, KnownRoundRepository rounds, NotificationService notifications,
            Messages messages, ReminderPlanner reminders, OrganisationContacts contacts, Clock clock) {
        this.bids = bids;
        this.rounds = rounds;
        this.notifications = notifications;
        this.messages = messages;
        this.reminders = reminders;
        this.contacts = contacts;
        this.clock = clock;
    }

    @Override
    public Set<String> types() {
        return Set.of(DRAFTED, SUBMITTED, WITHDRAWN);
    }

    @Override
    public void handle(IncomingEvent event) {
        switch (event.type()) {
            case DRAFTED -> drafted(BidDrafted.from(event));
            case SUBMITTED -> submitted(BidSubmitted.from(event), event.id());
            case WITHDRAWN -> withdrawn(BidWithdrawn.from(event), event.id());
            default -> throw new IllegalStateException("Not a bid event: " + event.type());
        }
    }

    private void drafted(BidDrafted drafted) {
        // Events of one bid arrive in order, but a redelivered draft must not undo a later submission.
        if (bids.findByIdOptional(drafted.bidId()).isEmpty()) {
            remember(drafted.bidId(), drafted.roundId(), drafted.organisationId(), drafted.title(), BidStatus.DRAFT);
            reminders.planRoundClosing(drafted.roundId());
        }
    }

    private void submitted(BidSubmitted bid, UUID eventId) {
        contacts.remember(bid.organisationId(), bid.contactEmails());
        remember(bid.bidId(), bid.roundId(), bid.organisationId(), bid.title(), BidStatus.SUBMITTED);
        reminders.planRoundClosing(bid.roundId());
        notifications.record(bid.organisationId(), Audience.APPLICANT, NotificationKind.BID_SUBMITTED,
                messages.render("bid-submitted", Map.of("bid", bid)), bid.bidId(), bid.roundId(), eventId);
    }

    private void withdrawn(BidWithdrawn bid, UUID eventId) {
        contacts.remember(bid.organisationId(), bid.contactEmails());
        KnownBid known = bids.findById(bid.bidId());
        String title = bid.title() != null ? bid.title()
                : known != null && known.title != null ? known.title : "bid " + bid.bidId();
        remember(bid.bidId(), bid.roundId(), bid.organisationId(), title, BidStatus.WITHDRAWN);
        reminders.planRoundClosing(bid.roundId());
        String roundName = bid.roundName() != null ? bid.roundName()
                : rounds.findByIdOptional(bid.roundId()).map(r -> r.name).orElse(null);
        notifications.record(bid.organisationId(), Audience.APPLICANT, NotificationKind.BID_WITHDRAWN,
                messages.render("bid-withdrawn", Messages.data("bid", bid, "title", title, "roundName", roundName)),
                bid.bidId(), bid.roundId(), eventId);
    }

    private void remember(UUID bidId, UUID roundId, String organisationId, String title, BidStatus status) {
        KnownBid bid = bids.findById(bidId);
        boolean known = bid != null;
        if (!known) {
            bid = new KnownBid();
            bid.bidId = bidId;
        }
        bid.roundId = roundId;
        bid.organisationId = organisationId;
        if (title != null) {
            bid.title = title;
        }
        bid.status = status;
        bid.updatedAt = clock.instant();
        if (!known) {
            bids.persist(bid);
        }
        bids.flush();
    }
}
