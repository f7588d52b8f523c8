package org.grantflow.notifications.email;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.grantflow.notifications.delivery.Channel;
import org.grantflow.notifications.delivery.Claim;
import org.grantflow.notifications.delivery.ClaimedMessage;
import org.grantflow.notifications.delivery.DeliveryConfig;
import org.grantflow.notifications.delivery.DeliveryService;
import org.jboss.logging.Logger;

import io.quarkus.mailer.Mail;
import io.quarkus.mailer.reactive.ReactiveMailer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.TimeoutException;
import io.vertx.core.Context;
import io.vertx.core.Vertx;

/**
 * Sends due email deliveries through SMTP, outside any transaction, one after another and each within
 * the delivery timeout; failures are retried with back-off like every delivery. A batch is claimed for
 * as long as it takes when every recipient takes the whole timeout; should it take longer still (the
 * database or the machine stalled), the emails there is no more time for are given back unsent.
 * <p>
 * Every email is sent from one Vert.x context. The mail client keeps its SMTP connections on the
 * event loop of the context that asked for them, and a thread outside Vert.x (the scheduler's, or a
 * test's) gets a context of its own on whichever event loop is next: sent from such threads in turn,
 * an email now and then never reached the server and timed out (EmailDeliveryTest, about one run in
 * five). From one context, one connection carries them one after another.
 */
@ApplicationScoped
public class EmailDispatcher {

    /** The scheduled job's name, to pause it by. */
    public static final String IDENTITY = "email-dispatch";

    private static final Logger LOG = Logger.getLogger(EmailDispatcher.class);

    private final DeliveryService deliveries;
    private final ReactiveMailer mailer;
    private final DeliveryConfig config;
    private final Clock clock;
    private final Vertx vertx;
    private Context mailContext;

    EmailDispatcher(DeliveryService deliveries, ReactiveMailer mailer, DeliveryConfig config, Clock clock, Vertx vertx) {
        this.deliveries = deliveries;
        this.mailer = mailer;
        this.config = config;
        this.clock = clock;
        this.vertx = vertx;
    }

    @Scheduled(identity = IDENTITY, every = "${grantflow.deliveries.poll-interval}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void dispatch() {
        try {
            dispatchDue();
        } catch (RuntimeException e) {
            LOG.warnf("Email dispatch will retry: %s", e.getMessage());
        }
    }

    /**
     * Sends due emails, batch after batch, until none is due or a batch ran out of time; the emails
     * given back then are sent by the next run, of this instance or another.
     *
     * @return how many emails were attempted
     */
    public int dispatchDue() {
        int attempted = 0;
        Claim<Email> claim;
        List<Email> unsent;
        do {
            Duration sendingTime = config.timeout().multipliedBy(config.batchSize());
            claim = QuarkusTransaction.requiringNew().call(() -> deliveries.claimDueMessages(Channel.EMAIL, sendingTime))
                    .map(EmailDispatcher::email);
            List<UUID> sent = new ArrayList<>();
            unsent = claim.sendWhileTimeLeft(config.timeout(), clock, email -> {
                if (send(email)) {
                    sent.add(email.deliveryId());
                }
            });
            deliveries.sent(sent);
            deliveries.release(claim, unsent.stream().map(Email::deliveryId).toList());
            attempted += claim.deliveries().size() - unsent.size();
        } while (claim.deliveries().size() == config.batchSize() && unsent.isEmpty());
        return attempted;
    }

    /** Sends an email, or records why it could not be sent. */
    private boolean send(Email email) {
        try {
            mailer.send(Mail.withText(email.to()[0], email.subject(), email.body()).setTo(List.of(email.to())))
                    .runSubscriptionOn(task -> mailContext().runOnContext(ignored -> task.run()))
                    .await().atMost(config.timeout());
            return true;
        } catch (TimeoutException e) {
            return failed(email, "No answer from the mail server within " + config.timeout().toMillis() + " ms");
        } catch (RuntimeException e) {
            return failed(email, e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    private boolean failed(Email email, String reason) {
        LOG.infof("Email delivery %s failed: %s", email.deliveryId(), reason);
        deliveries.failed(email.deliveryId(), reason);
        return false;
    }

    /**
     * The context emails are sent from, taken by the first thread that sends: a worker, never an event
     * loop (sending blocks), so a context of its own.
     */
    private synchronized Context mailContext() {
        if (mailContext == null) {
            mailContext = vertx.getOrCreateContext();
        }
        return mailContext;
    }

    private static Email email(ClaimedMessage claimed) {
        String[] to = Arrays.stream(claimed.target().split(",")).map(String::strip).toArray(String[]::new);
        return new Email(claimed.deliveryId(), to, claimed.subject(), claimed.body());
    }

    private record Email(UUID deliveryId, String[] to, String subject, String body) {
    }
}
