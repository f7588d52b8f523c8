package org.grantflow.notifications.bid;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.grantflow.notifications.inbox.Inbox;
import org.grantflow.notifications.inbox.IncomingEvent;
import org.grantflow.notifications.notification.Audience;
import org.grantflow.notifications.notification.NotificationKind;
import org.grantflow.notifications.notification.NotificationService;
import org.jboss.logging.Logger;

/** Notifies applicants of what happens to their bids, from grants-service's bid events. */
@ApplicationScoped
public class BidEvents {

    static final String SUBMITTED = "grantflow.bid.submitted.v1";

    /** Applicants read times in UK local time, whatever the season. */
    static final ZoneId UK = ZoneId.of("Europe/London");
    private static final DateTimeFormatter UK_TIME = DateTimeFormatter.ofPattern("d MMMM yyyy 'at' HH:mm", Locale.UK)
            .withZone(UK);

    private static final Logger LOG = Logger.getLogger(BidEvents.class);

    private final Inbox inbox;
    private final NotificationService notifications;

    BidEvents(Inbox inbox, NotificationService notifications) {
        this.inbox = inbox;
        this.notifications = notifications;
    }

    @Transactional
    public void apply(IncomingEvent event) {
        if (!inbox.firstDelivery(event)) {
            LOG.debugf("Event %s already processed", event.id());
            return;
        }
        switch (event.type()) {
            case SUBMITTED -> submitted(event);
            default -> LOG.debugf("Ignoring event type %s", event.type());
        }
    }

    private void submitted(IncomingEvent event) {
        BidSubmitted bid;
        try {
            bid = BidSubmitted.from(event.data());
        } catch (IllegalArgumentException e) {
            // Retrying cannot make it readable; it stays recorded in the inbox and is skipped.
            LOG.errorf("Skipping event %s of type %s with unreadable data: %s", event.id(), event.type(),
                    e.getMessage());
            return;
        }
        notifications.record(bid.organisationId(), Audience.APPLICANT, NotificationKind.BID_SUBMITTED,
                "Bid received: " + bid.title(),
                "We received your bid \"" + bid.title() + "\" to the round \"" + bid.roundName() + "\" on "
                        + ukTime(bid.submittedAt()) + " (UK time). You asked for " + pounds(bid.amountRequested())
                        + ".",
                bid.bidId(), bid.roundId(), event.id());
    }

    /** For example "17 November 2016 at 15:42". */
    static String ukTime(Instant instant) {
        return UK_TIME.format(instant);
    }

    /** For example "£12,000.00". */
    static String pounds(BigDecimal amount) {
        // NumberFormat is not thread-safe: one per use.
        return NumberFormat.getCurrencyInstance(Locale.UK).format(amount);
    }
}
