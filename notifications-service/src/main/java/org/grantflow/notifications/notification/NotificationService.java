package org.grantflow.notifications.notification;

import java.time.Clock;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.grantflow.notifications.api.Filter;
import org.grantflow.notifications.api.Page;
import org.grantflow.notifications.problem.DomainException;
import org.grantflow.notifications.security.Caller;

import io.quarkus.panache.common.Sort;

@ApplicationScoped
public class NotificationService {

    private final NotificationRepository notifications;
    private final Clock clock;

    NotificationService(NotificationRepository notifications, Clock clock) {
        this.notifications = notifications;
        this.clock = clock;
    }

    /**
     * Records a notification made from an event. Called in the transaction that records the event
     * in the inbox, so both commit together.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Notification record(String organisationId, Audience audience, NotificationKind kind, String subject,
            String body, UUID bidId, UUID roundId, UUID sourceEventId) {
        Notification notification = new Notification();
        notification.id = UUID.randomUUID();
        notification.organisationId = organisationId;
        notification.audience = audience;
        notification.kind = kind;
        notification.subject = subject.length() > Notification.SUBJECT_LENGTH
                ? subject.substring(0, Notification.SUBJECT_LENGTH - 1) + "…"
                : subject;
        notification.body = body;
        notification.bidId = bidId;
        notification.roundId = roundId;
        notification.sourceEventId = sourceEventId;
        notification.createdAt = clock.instant();
        notifications.persist(notification);
        return notification;
    }

    @Transactional
    public NotificationView get(UUID id, Caller caller) {
        return notifications.findByIdOptional(id).filter(n -> caller.maySee(n.organisationId))
                .map(NotificationView::of)
                // Another organisation's notification answers as if it did not exist.
                .orElseThrow(() -> DomainException.notFound("notification", id));
    }

    /** Newest first. Partners see only their own organisation's, whatever filter they send. */
    @Transactional
    public Page<NotificationView> list(String organisationId, UUID bidId, NotificationKind kind, Caller caller,
            int page, int size) {
        String organisation = caller.isPartner() ? caller.organisationId() : organisationId;
        Filter filter = new Filter().equal("organisationId", organisation).equal("bidId", bidId)
                .equal("kind", kind);
        Sort newestFirst = Sort.descending("createdAt").and("id", Sort.Direction.Descending);
        return Page.of(notifications.find(filter.query(), newestFirst, filter.parameters()), page, size,
                NotificationView::of);
    }
}
