package org.grantflow.notifications.notification;

import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.transaction.Transactional;

import org.grantflow.notifications.api.Filter;
import org.grantflow.notifications.api.Page;
import org.grantflow.notifications.delivery.DeliveryService;
import org.grantflow.notifications.inbox.IncomingEvent;
import org.grantflow.notifications.problem.DomainException;
import org.grantflow.notifications.security.Caller;
import org.grantflow.notifications.template.Message;

import io.quarkus.panache.common.Sort;

@ApplicationScoped
public class NotificationService {

    private static final String EVENT_TYPE_PREFIX = "grantflow.";

    private final NotificationRepository notifications;
    private final NotificationWriter writer;
    private final Instance<DeliveryChannel> channels;
    private final DeliveryService deliveries;
    private final Clock clock;
    private List<DeliveryChannel> channelList;

    NotificationService(NotificationRepository notifications, NotificationWriter writer,
            Instance<DeliveryChannel> channels, DeliveryService deliveries, Clock clock) {
        this.notifications = notifications;
        this.writer = writer;
        this.channels = channels;
        this.deliveries = deliveries;
        this.clock = clock;
    }

    /**
     * Records a notification made from an event (or, with {@code source} null, from a reminder) and
     * schedules its deliveries. Called in the transaction that records the event in the inbox or
     * marks the reminder sent, so both commit together. The rows are written as the transaction
     * commits ({@link NotificationWriter}), with what the notification says then.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Notification record(String organisationId, Audience audience, NotificationKind kind, Message message,
            UUID bidId, UUID roundId, IncomingEvent source) {
        String subject = message.subject();
        Notification notification = new Notification();
        notification.id = UUID.randomUUID();
        notification.organisationId = organisationId;
        notification.audience = audience;
        notification.kind = kind;
        notification.subject = subject.length() > Notification.SUBJECT_LENGTH
                ? subject.substring(0, Notification.SUBJECT_LENGTH - 1) + "…"
                : subject;
        notification.body = message.body();
        notification.bidId = bidId;
        notification.roundId = roundId;
        notification.sourceEventId = source == null ? null : source.id();
        notification.eventType = source == null ? null : source.type();
        notification.createdAt = clock.instant();
        notification.status = NotificationStatus.RECORDED;
        writer.add(notification);
        for (DeliveryChannel channel : channels()) {
            if (channel.schedule(notification)) {
                notification.status = NotificationStatus.PENDING;
            }
        }
        return notification;
    }

    /**
     * Prepares, in the current transaction, for notifications to these organisations: each channel
     * looks up what it will need for them in one query.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void prepareFor(Collection<String> organisationIds) {
        if (!organisationIds.isEmpty()) {
            channels().forEach(channel -> channel.prepareFor(organisationIds));
        }
    }

    private List<DeliveryChannel> channels() {
        if (channelList == null) {
            channelList = channels.stream().toList();
        }
        return channelList;
    }

    @Transactional
    public NotificationView get(UUID id, Caller caller) {
        return NotificationView.of(visible(id, caller));
    }

    /** Staff send every dead delivery of a notification again, each with a fresh allowance of attempts. */
    @Transactional
    public NotificationView resend(UUID id, Caller caller) {
        Notification notification = visible(id, caller);
        if (deliveries.resendDead(id) == 0) {
            throw DomainException.conflict("notification-not-dead", "Only a dead notification can be resent",
                    "The notification is " + notification.status + "; none of its deliveries is dead");
        }
        notifications.getEntityManager().refresh(notification);
        return NotificationView.of(notification);
    }

    private Notification visible(UUID id, Caller caller) {
        return notifications.findByIdOptional(id).filter(n -> maySee(caller, n))
                // Another organisation's notification answers as if it did not exist.
                .orElseThrow(() -> DomainException.notFound("notification", id));
    }

    /** Partners see only what was meant for their own organisation; staff see everything. */
    private static boolean maySee(Caller caller, Notification notification) {
        return !caller.isPartner()
                || notification.audience == Audience.APPLICANT && caller.maySee(notification.organisationId);
    }

    /**
     * Newest first. Partners see only their own organisation's, whatever filter they send. The event
     * type may be given in full ({@code grantflow.bid.submitted.v1}) or without its prefix.
     */
    @Transactional
    public Page<NotificationView> list(NotificationFilter query, Caller caller, int page, int size) {
        String organisation = caller.isPartner() ? caller.organisationId() : query.organisationId();
        String eventType = query.eventType() == null || query.eventType().startsWith(EVENT_TYPE_PREFIX)
                ? query.eventType()
                : EVENT_TYPE_PREFIX + query.eventType();
        Filter filter = new Filter().equal("organisationId", organisation).equal("bidId", query.bidId())
                .equal("roundId", query.roundId()).equal("kind", query.kind()).equal("eventType", eventType)
                .equal("status", query.status())
                .equal("audience", caller.isPartner() ? Audience.APPLICANT : null);
        Sort newestFirst = Sort.descending("createdAt").and("id", Sort.Direction.Descending);
        return Page.of(notifications.find(filter.query(), newestFirst, filter.parameters()), page, size,
                NotificationView::of);
    }
}
