package org.grantflow.notifications.bid;

import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.grantflow.notifications.email.OrganisationContacts;
import org.grantflow.notifications.inbox.EventData;
import org.grantflow.notifications.inbox.EventHandler;
import org.grantflow.notifications.inbox.IncomingEvent;
import org.grantflow.notifications.notification.Audience;
import org.grantflow.notifications.notification.NotificationKind;
import org.grantflow.notifications.notification.NotificationService;
import org.grantflow.notifications.reminder.ReminderPlanner;
import org.grantflow.notifications.round.KnownRoundRepository;
import org.grantflow.notifications.template.Messages;

/**
 * grants-service's bid events: keeps the read model of who has a draft or a bid in which round (for
 * the round-closing reminders) and tells applicants what happened to their bids.
 */
@ApplicationScoped
public class BidEvents implements EventHandler {

    static final String DRAFTED = "grantflow.bid.drafted.v1";
    static final String SUBMITTED = "grantflow.bid.submitted.v1";
    static final String INELIGIBLE = "grantflow.bid.ineligible.v1";
    static final String WITHDRAWN = "grantflow.bid.withdrawn.v1";
    static final String REJECTED = "grantflow.bid.rejected.v1";

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
        return Set.of(DRAFTED, SUBMITTED, INELIGIBLE, WITHDRAWN, REJECTED);
    }

    /**
     * Takes the locks of the batch's rounds up front (in key order) and loads its bids, the planning
     * facts of its rounds and its organisations' delivery addresses, one query each.
     */
    @Override
    public void prepare(List<IncomingEvent> events) {
        Set<UUID> roundIds = new HashSet<>();
        Set<UUID> bidIds = new HashSet<>();
        Set<String> organisationIds = new HashSet<>();
        for (IncomingEvent event : events) {
            try {
                EventData data = EventData.of(event);
                UUID roundId = data.uuid("roundId");
                UUID bidId = data.uuid("bidId");
                String organisationId = data.text("organisationId");
                roundIds.add(roundId);
                bidIds.add(bidId);
                organisationIds.add(organisationId);
            } catch (IllegalArgumentException e) {
                // handling reports it
            }
        }
        reminders.lockRounds(roundIds);
        bids.load(bidIds);
        notifications.prepareFor(organisationIds);
    }

    @Override
    public void handle(IncomingEvent event) {
        switch (event.type()) {
            case DRAFTED -> drafted(BidDrafted.from(event));
            case SUBMITTED -> submitted(BidSubmitted.from(event), event);
            case INELIGIBLE -> ineligible(BidIneligible.from(event), event);
            case WITHDRAWN -> withdrawn(BidWithdrawn.from(event), event);
            case REJECTED -> rejected(BidRejected.from(event), event);
            default -> throw new IllegalStateException("Not a bid event: " + event.type());
        }
    }

    private void drafted(BidDrafted drafted) {
        // Events of one bid arrive in order, but a redelivered draft must not undo a later submission.
        reminders.lock(drafted.roundId());
        if (bids.known(drafted.bidId()) == null) {
            bids.remember(drafted.bidId(), drafted.roundId(), drafted.organisationId(), drafted.title(),
                    BidStatus.DRAFT, clock.instant());
            reminders.planRound(drafted.roundId(), drafted.organisationId());
        }
    }

    private void submitted(BidSubmitted bid, IncomingEvent event) {
        changed(bid.bidId(), bid.roundId(), bid.organisationId(), bid.title(), BidStatus.SUBMITTED,
                bid.contactEmails());
        notify(bid.organisationId(), NotificationKind.BID_SUBMITTED, "bid-submitted", bid.bidId(), bid.roundId(),
                event, "bid", bid);
    }

    private void ineligible(BidIneligible bid, IncomingEvent event) {
        changed(bid.bidId(), bid.roundId(), bid.organisationId(), bid.title(), BidStatus.INELIGIBLE,
                bid.contactEmails());
        notify(bid.organisationId(), NotificationKind.BID_INELIGIBLE, "bid-ineligible", bid.bidId(), bid.roundId(),
                event, "bid", bid);
    }

    private void rejected(BidRejected bid, IncomingEvent event) {
        changed(bid.bidId(), bid.roundId(), bid.organisationId(), bid.title(), BidStatus.REJECTED,
                bid.contactEmails());
        notify(bid.organisationId(), NotificationKind.BID_REJECTED, "bid-rejected", bid.bidId(), bid.roundId(),
                event, "bid", bid);
    }

    private void withdrawn(BidWithdrawn bid, IncomingEvent event) {
        reminders.lock(bid.roundId());
        KnownBid known = bids.known(bid.bidId());
        String title = bid.title() != null ? bid.title()
                : known != null && known.title != null ? known.title : "bid " + bid.bidId();
        changed(bid.bidId(), bid.roundId(), bid.organisationId(), title, BidStatus.WITHDRAWN, bid.contactEmails());
        String roundName = bid.roundName() != null ? bid.roundName()
                : rounds.findByIdOptional(bid.roundId()).map(r -> r.name).orElse(null);
        notify(bid.organisationId(), NotificationKind.BID_WITHDRAWN, "bid-withdrawn", bid.bidId(), bid.roundId(),
                event, "bid", bid, "title", title, "roundName", roundName);
    }

    /** Brings the read model, the organisation's contacts and its reminders for the round up to date. */
    private void changed(UUID bidId, UUID roundId, String organisationId, String title, BidStatus status,
            List<String> contactEmails) {
        reminders.lock(roundId);
        contacts.remember(organisationId, contactEmails);
        bids.remember(bidId, roundId, organisationId, title, status, clock.instant());
        reminders.planRound(roundId, organisationId);
    }

    private void notify(String organisationId, NotificationKind kind, String template, UUID bidId, UUID roundId,
            IncomingEvent event, Object... data) {
        notifications.record(organisationId, Audience.APPLICANT, kind, messages.render(template, Messages.data(data)),
                bidId, roundId, event);
    }
}
