package org.grantflow.notifications.email;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.grantflow.notifications.delivery.Channel;
import org.grantflow.notifications.delivery.ClaimedMessage;
import org.grantflow.notifications.delivery.DeliveryConfig;
import org.grantflow.notifications.delivery.DeliveryService;
import org.jboss.logging.Logger;

import io.quarkus.mailer.Mail;
import io.quarkus.mailer.reactive.ReactiveMailer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;

/**
 * Sends due email deliveries through SMTP, outside any transaction and each within the delivery
 * timeout; failures are retried with back-off like every delivery.
 */
@ApplicationScoped
public class EmailDispatcher {

    private static final Logger LOG = Logger.getLogger(EmailDispatcher.class);

    private final DeliveryService deliveries;
    private final ReactiveMailer mailer;
    private final DeliveryConfig config;

    EmailDispatcher(DeliveryService deliveries, ReactiveMailer mailer, DeliveryConfig config) {
        this.deliveries = deliveries;
        this.mailer = mailer;
        this.config = config;
    }

    @Scheduled(every = "${grantflow.deliveries.poll-interval}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void dispatch() {
        try {
            dispatchDue();
        } catch (RuntimeException e) {
            LOG.warnf("Email dispatch will retry: %s", e.getMessage());
        }
    }

    /** @return how many emails were attempted */
    public int dispatchDue() {
        int attempted = 0;
        List<Email> emails;
        do {
            emails = QuarkusTransaction.requiringNew().call(() -> deliveries.claimDueMessages(Channel.EMAIL))
                    .stream().map(EmailDispatcher::email).toList();
            List<UUID> sent = new ArrayList<>();
            for (Email email : emails) {
                try {
                    mailer.send(Mail.withText(email.to()[0], email.subject(), email.body()).setTo(List.of(email.to())))
                            .await().atMost(config.timeout());
                    sent.add(email.deliveryId());
                } catch (RuntimeException e) {
                    LOG.infof("Email delivery %s failed: %s", email.deliveryId(), e.getMessage());
                    deliveries.failed(email.deliveryId(), e.getClass().getSimpleName() + ": " + e.getMessage());
                }
            }
            deliveries.sent(sent);
            attempted += emails.size();
        } while (emails.size() == config.batchSize());
        return attempted;
    }

    private static Email email(ClaimedMessage claimed) {
        String[] to = Arrays.stream(claimed.target().split(",")).map(String::strip).toArray(String[]::new);
        return new Email(claimed.deliveryId(), to, claimed.subject(), claimed.body());
    }

    private record Email(UUID deliveryId, String[] to, String subject, String body) {
    }
}
