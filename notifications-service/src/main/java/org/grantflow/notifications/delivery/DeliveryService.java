package org.grantflow.notifications.delivery;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.grantflow.notifications.api.Filter;
import org.grantflow.notifications.api.Page;
import org.grantflow.notifications.notification.Notification;
import org.grantflow.notifications.notification.NotificationWriter;
import org.grantflow.notifications.problem.DomainException;
import org.grantflow.notifications.security.Caller;

import io.quarkus.panache.common.Sort;

/**
 * The state of deliveries: scheduled with their notification, claimed by a dispatcher, then sent,
 * failed (and retried with exponential back-off) or dead after the last allowed attempt.
 */
@ApplicationScoped
public class DeliveryService {

    /** Sets notifications' status to the worst of their deliveries' states; a WHERE clause follows. */
    private static final String REFRESH_STATUS = """
            UPDATE notification n SET status = (
                SELECT CASE WHEN bool_or(d.status = 'DEAD') THEN 'DEAD'
                            WHEN bool_or(d.status = 'FAILED') THEN 'FAILED'
                            WHEN bool_or(d.status = 'PENDING') THEN 'PENDING'
                            WHEN count(*) > 0 THEN 'SENT' ELSE 'RECORDED' END
                FROM delivery d WHERE d.notification_id = n.id)""";

    /**
     * How long after a claim's sending time its deliveries stay with the claiming instance, for it to
     * record what it sent. Another instance takes them over only after that, when the claiming
     * instance has most likely died: the recipient may then get a delivery twice, never not at all.
     */
    private static final Duration RECORDING_TIME = Duration.ofSeconds(60);

    /** The due deliveries of a channel, a batch of them, locked; for a {@code WHERE}. */
    private static final String DUE = """
            channel = :channel AND status IN ('PENDING', 'FAILED') AND next_attempt_at <= :now
            ORDER BY next_attempt_at LIMIT :limit FOR UPDATE SKIP LOCKED""";

    private final EntityManager em;
    private final DeliveryRepository deliveries;
    private final NotificationWriter writer;
    private final DeliveryConfig config;
    private final Clock clock;

    DeliveryService(EntityManager em, DeliveryRepository deliveries, NotificationWriter writer,
            DeliveryConfig config, Clock clock) {
        this.em = em;
        this.deliveries = deliveries;
        this.writer = writer;
        this.config = config;
        this.clock = clock;
    }

    /** Schedules a notification for delivery, in the transaction that records it (written with it). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void schedule(Notification notification, Channel channel, String target) {
        Delivery delivery = new Delivery();
        delivery.id = UUID.randomUUID();
        delivery.notificationId = notification.id;
        delivery.organisationId = notification.organisationId;
        delivery.channel = channel;
        delivery.target = target;
        delivery.status = DeliveryStatus.PENDING;
        delivery.createdAt = clock.instant();
        delivery.nextAttemptAt = delivery.createdAt;
        writer.add(delivery);
    }

    /**
     * Claims the deliveries of a channel that are due, counting the attempt, for the given time to
     * send them all in: what the claiming dispatcher needs for a batch when every recipient takes the
     * whole timeout. A claimed delivery is not due again until {@link #RECORDING_TIME} after that.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Claim<Delivery> claimDue(Channel channel, Duration sendingTime) {
        Instant now = clock.instant();
        @SuppressWarnings("unchecked")
        List<Delivery> due = em.createNativeQuery("SELECT * FROM delivery WHERE " + DUE, Delivery.class)
                .setParameter("channel", channel.name())
                .setParameter("now", now)
                .setParameter("limit", config.batchSize())
                .getResultList();
        Claim<Delivery> claim = new Claim<>(due, now.plus(sendingTime), now.plus(sendingTime).plus(RECORDING_TIME));
        for (Delivery delivery : due) {
            delivery.attempts++;
            delivery.nextAttemptAt = claim.heldUntil();
        }
        return claim;
    }

    /**
     * Claims the due deliveries of a channel as {@link #claimDue} does, soonest due first, with what
     * their notifications say: in one statement, for a channel that needs nothing else to send them.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Claim<ClaimedMessage> claimDueMessages(Channel channel, Duration sendingTime) {
        Instant now = clock.instant();
        Instant sendBy = now.plus(sendingTime);
        Instant heldUntil = sendBy.plus(RECORDING_TIME);
        List<?> rows = em.createNativeQuery("""
                WITH due AS (SELECT id, next_attempt_at FROM delivery WHERE %s),
                claimed AS (UPDATE delivery d SET attempts = d.attempts + 1, next_attempt_at = :lease FROM due
                    WHERE d.id = due.id RETURNING d.id, d.notification_id, d.target, due.next_attempt_at AS due_at)
                SELECT c.id, c.target, n.subject, n.body FROM claimed c JOIN notification n ON n.id = c.notification_id
                ORDER BY c.due_at, c.id""".formatted(DUE), Object[].class)
                .setParameter("channel", channel.name())
                .setParameter("now", now)
                .setParameter("limit", config.batchSize())
                .setParameter("lease", heldUntil)
                .getResultList();
        return new Claim<>(rows.stream().map(Object[].class::cast)
                .map(r -> new ClaimedMessage((UUID) r[0], (String) r[1], (String) r[2], (String) r[3])).toList(),
                sendBy, heldUntil);
    }

    /**
     * Gives back claimed deliveries that were not attempted, due again at once and with the attempt
     * their claim counted taken back; those another instance claimed meanwhile stay with it.
     */
    @Transactional
    public void release(Claim<?> claim, List<UUID> ids) {
        if (ids.isEmpty()) {
            return;
        }
        em.createNativeQuery("""
                UPDATE delivery SET attempts = attempts - 1, next_attempt_at = :now
                WHERE id = ANY (:ids) AND status IN ('PENDING', 'FAILED') AND next_attempt_at = :heldUntil""")
                .setParameter("now", clock.instant())
                .setParameter("ids", ids.toArray(UUID[]::new))
                .setParameter("heldUntil", claim.heldUntil())
                .executeUpdate();
    }

    /**
     * Records that the recipients acknowledged these deliveries, in one transaction. Their deliveries
     * are updated before their notifications are locked (in id order), as in {@link #refreshStatus}.
     * The notifications are named by primary key (an array parameter), not found through a subquery
     * over the deliveries: for that, with a batch of 200 and no statistics, the planner chose to scan
     * the whole notification table.
     */
    @Transactional
    public void sent(List<UUID> ids) {
        if (ids.isEmpty()) {
            return;
        }
        em.flush();
        @SuppressWarnings("unchecked")
        List<UUID> notificationIds = em.createNativeQuery("""
                UPDATE delivery SET status = 'SENT', sent_at = :now, next_attempt_at = NULL, last_error = NULL
                WHERE id = ANY (:ids) RETURNING notification_id""", UUID.class)
                .setParameter("now", clock.instant())
                .setParameter("ids", ids.toArray(UUID[]::new))
                .getResultList();
        refreshStatus(notificationIds);
        em.clear();
    }

    /** Records a failed attempt: tried again after a back-off, or dead after the last attempt. */
    @Transactional
    public void failed(UUID id, String error) {
        Delivery delivery = deliveries.findById(id);
        String reason = error.length() > 900 ? error.substring(0, 900) + "…" : error;
        if (delivery.attempts >= config.maxAttempts()) {
            delivery.status = DeliveryStatus.DEAD;
            delivery.nextAttemptAt = null;
            delivery.lastError = "Gave up after " + delivery.attempts + " attempts; the last: " + reason;
        } else {
            delivery.status = DeliveryStatus.FAILED;
            delivery.nextAttemptAt = clock.instant().plus(backOff(delivery.attempts));
            delivery.lastError = reason;
        }
        refreshStatus(delivery.notificationId);
    }

    /** The wait after the given number of failed attempts: doubling from the initial back-off, capped. */
    Duration backOff(int failedAttempts) {
        Duration wait = config.initialBackOff();
        for (int i = 1; i < failedAttempts && wait.compareTo(config.maxBackOff()) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(config.maxBackOff()) > 0 ? config.maxBackOff() : wait;
    }

    /** Staff send a dead delivery again, with a fresh allowance of attempts. */
    @Transactional
    public DeliveryView resend(UUID id) {
        Delivery delivery = deliveries.findByIdOptional(id)
                .orElseThrow(() -> DomainException.notFound("delivery", id));
        if (delivery.status != DeliveryStatus.DEAD) {
            throw DomainException.conflict("delivery-not-dead", "Only a dead delivery can be resent",
                    "The delivery is " + delivery.status + "; it is sent or still being tried");
        }
        delivery.status = DeliveryStatus.PENDING;
        delivery.attempts = 0;
        delivery.nextAttemptAt = clock.instant();
        refreshStatus(delivery.notificationId);
        return DeliveryView.of(delivery);
    }

    /**
     * Sends every dead delivery of a notification again, each with a fresh allowance of attempts.
     *
     * @return how many were dead
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public int resendDead(UUID notificationId) {
        int resent = em.createNativeQuery("""
                UPDATE delivery SET status = 'PENDING', attempts = 0, next_attempt_at = :now
                WHERE notification_id = :notification AND status = 'DEAD'""")
                .setParameter("now", clock.instant())
                .setParameter("notification", notificationId)
                .executeUpdate();
        refreshStatus(notificationId);
        return resent;
    }

    /** Sets a notification's status to the worst of its deliveries' states. */
    private void refreshStatus(UUID notificationId) {
        refreshStatus(List.of(notificationId));
    }

    /** Sets notifications' status to the worst of their deliveries' states. */
    private void refreshStatus(Collection<UUID> notificationIds) {
        em.flush();
        UUID[] ids = notificationIds.stream().distinct().toArray(UUID[]::new);
        // Locked first (in id order, so that two transactions never wait for each other), so that of
        // two transactions changing a notification's deliveries at once the later one computes the
        // status in a statement that sees the other's committed change.
        em.createNativeQuery("SELECT id FROM notification WHERE id = ANY (:ids) ORDER BY id FOR UPDATE")
                .setParameter("ids", ids)
                .getResultList();
        em.createNativeQuery(REFRESH_STATUS + " WHERE n.id = ANY (:ids)")
                .setParameter("ids", ids)
                .executeUpdate();
    }

    /** Newest first. Partners see only their own organisation's. */
    @Transactional
    public Page<DeliveryView> list(DeliveryStatus status, Channel channel, String organisationId,
            UUID notificationId, Caller caller, int page, int size) {
        String organisation = caller.isPartner() ? caller.organisationId() : organisationId;
        Filter filter = new Filter().equal("status", status).equal("channel", channel)
                .equal("organisationId", organisation)
                .equal("notificationId", notificationId);
        Sort newestFirst = Sort.descending("createdAt").and("id", Sort.Direction.Descending);
        return Page.of(deliveries.find(filter.query(), newestFirst, filter.parameters()), page, size,
                DeliveryView::of);
    }
}
