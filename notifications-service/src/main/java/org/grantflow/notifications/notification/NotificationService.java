package org.grantflow.notifications.notification;

import java.time.Clock;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.transaction.Transactional;

import org.grantflow.notifications.api.Filter;
import org.grantflow.notifications.api.Page;
import org.grantflow.notifications.problem.DomainException;
import org.grantflow.notifications.security.Caller;
import org.grantflow.notifications.template.Message;

import io.quarkus.panache.common.Sort;

@ApplicationScoped
public class NotificationService {

    private final NotificationRepository notifications;
    private final Instance<DeliveryChannel> deliveries;
    private final Clock clock;

    NotificationService(NotificationRepository notifications, Instance<DeliveryChannel> deliveries, Clock clock) {
        this.notifications = notifications;
        this.deliveries = deliveries;
        this.clock = clock;
    }

    /**
     * Records a notification made from an event (or, with {@code sourceEventId} null, from a
     * reminder). Called in the transaction that records the event in the inbox or marks the reminder
     * sent, so both commit together.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Notification record(String organisationId, Audience audience, NotificationKind kind, Message message,
            UUID bidId, UUID roundId, UUID sourceEventId) {
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
        notification.sourceEventId = sourceEventId;
        notification.createdAt = clock.instant();
        notifications.persist(notification);
        deliveries.forEach(d -> d.schedule(notification));
        return notification;
    }

    @Transactional
    public NotificationView get(UUID id, Caller caller) {
        return notifications.findByIdOptional(id).filter(n -> maySee(caller, n))
                .map(NotificationView::of)
                // Another organisation's notification answers as if it did not exist.
                .orElseThrow(() -> DomainException.notFound("notification", id));
    }

    /** Partners see only what was meant for their own organisation; staff see everything. */
    private static boolean maySee(Caller caller, Notification notification) {
        return !caller.isPartner()
                || notification.audience == Audience.APPLICANT && caller.maySee(notification.organisationId);
    }

    /** Newest first. Partners see only their own organisation's, whatever filter they send. */
    @Transactional
    public Page<NotificationView> list(String organisationId, UUID bidId, UUID roundId, NotificationKind kind,
            Caller caller, int page, int size) {
        String organisation = caller.isPartner() ? caller.organisationId() : organisationId;
        Filter filter = new Filter().equal("organisationId", organisation).equal("bidId", bidId)
                .equal("roundId", roundId).equal("kind", kind)
                .equal("audience", caller.isPartner() ? Audience.APPLICANT : null);
        Sort newestFirst = Sort.descending("createdAt").and("id", Sort.Direction.Descending);
        return Page.of(notifications.find(filter.query(), newestFirst, filter.parameters()), page, size,
                NotificationView::of);
    }
}
