package org.grantflow.notifications.award;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import org.grantflow.notifications.bid.BidStatus;
import org.grantflow.notifications.bid.KnownBidRepository;
import org.grantflow.notifications.email.OrganisationContacts;
import org.grantflow.notifications.inbox.EventData;
import org.grantflow.notifications.inbox.EventHandler;
import org.grantflow.notifications.inbox.IncomingEvent;
import org.grantflow.notifications.notification.Audience;
import org.grantflow.notifications.notification.NotificationKind;
import org.grantflow.notifications.notification.NotificationService;
import org.grantflow.notifications.reminder.ReminderPlanner;
import org.grantflow.notifications.template.Messages;

/**
 * Awards and the money paid against them: the applicant hears its award is final and of each
 * payment, and the read model behind the spend-by and evaluation reminders is kept up to date.
 */
@ApplicationScoped
public class AwardEvents implements EventHandler {

    static final String AWARDED = "grantflow.bid.awarded.v1";
    static final String PAYMENT_RECORDED = "grantflow.payment.recorded.v1";
    static final String RELEASED = "grantflow.commitment.released.v1";

    private final Awards awards;
    private final NotificationService notifications;
    private final Messages messages;
    private final ReminderPlanner reminders;
    private final OrganisationContacts contacts;
    private final KnownBidRepository bids;
    private final Clock clock;

    AwardEvents(Awards awards, NotificationService notifications, Messages messages, ReminderPlanner reminders,
            OrganisationContacts contacts, KnownBidRepository bids, Clock clock) {
        this.awards = awards;
        this.bids = bids;
        this.clock = clock;
        this.notifications = notifications;
        this.messages = messages;
        this.reminders = reminders;
        this.contacts = contacts;
    }

    @Override
    public Set<String> types() {
        return Set.of(AWARDED, PAYMENT_RECORDED, RELEASED);
    }

    @Override
    public void handle(IncomingEvent event) {
        // Award and money events of one bid come on two topics: one at a time.
        reminders.lock(EventData.of(event).uuid("bidId"));
        switch (event.type()) {
            case AWARDED -> awarded(BidAwarded.from(event), event);
            case PAYMENT_RECORDED -> paid(PaymentRecorded.from(event), event);
            case RELEASED -> released(event);
            default -> throw new IllegalStateException("Not an award event: " + event.type());
        }
    }

    private void awarded(BidAwarded award, IncomingEvent event) {
        contacts.remember(award.organisationId(), award.contactEmails());
        bids.remember(award.bidId(), award.roundId(), award.organisationId(), award.title(), BidStatus.AWARDED,
                clock.instant());
        awards.awarded(award.bidId(), award.organisationId(), award.roundId(), award.title(), award.amount(),
                award.commitmentId(), award.spendBy(), award.projectEndDate(), award.evaluationRequired());
        awards.flush();
        reminders.planAward(award.bidId());
        notifications.record(award.organisationId(), Audience.APPLICANT, NotificationKind.AWARD_CONFIRMED,
                messages.render("bid-awarded", Messages.data("award", award)), award.bidId(), award.roundId(),
                event);
    }

    private void paid(PaymentRecorded payment, IncomingEvent event) {
        awards.paid(payment.paymentId(), payment.bidId(), payment.repayment(), payment.amount(), payment.paidOn());
        KnownAward award = awards.findById(payment.bidId());
        BigDecimal outstanding = award == null ? null : awards.outstanding(award);
        reminders.planAward(payment.bidId());
        notifications.record(payment.organisationId(), Audience.APPLICANT, NotificationKind.PAYMENT_RECORDED,
                messages.render("payment-recorded", Messages.data("payment", payment,
                        "title", award == null ? null : award.title,
                        "awarded", award == null ? null : award.amount,
                        "paidSoFar", awards.paidSoFar(payment.bidId()),
                        "stillToPay", outstanding != null && outstanding.signum() > 0 ? outstanding : null)),
                payment.bidId(), award == null ? null : award.roundId, event);
    }

    private void released(IncomingEvent event) {
        EventData data = EventData.of(event);
        awards.released(data.uuid("bidId"), data.optionalText("organisationId"), data.money("amount"));
        awards.flush();
        reminders.planAward(data.uuid("bidId"));
    }
}
