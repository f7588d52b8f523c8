package org.grantflow.notifications.webhook;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import jakarta.enterprise.context.ApplicationScoped;

import org.grantflow.notifications.delivery.Channel;
import org.grantflow.notifications.delivery.Claim;
import org.grantflow.notifications.delivery.Delivery;
import org.grantflow.notifications.delivery.DeliveryConfig;
import org.grantflow.notifications.delivery.DeliveryService;
import org.grantflow.notifications.notification.NotificationRepository;
import org.grantflow.notifications.notification.NotificationView;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;

/**
 * POSTs due webhook deliveries, signed. Deliveries are claimed in one short transaction and sent
 * outside any transaction, all of a batch at once, each exchange ending within the timeout: a slow or
 * failing receiver holds up neither the others nor the consumption of events, and a batch is done
 * well before its claim lapses.
 */
@ApplicationScoped
public class WebhookDispatcher {

    private static final Logger LOG = Logger.getLogger(WebhookDispatcher.class);

    private final DeliveryService deliveries;
    private final NotificationRepository notifications;
    private final WebhookRepository webhooks;
    private final DeliveryConfig config;
    private final ObjectMapper json;
    private final Clock clock;
    private final HttpClient http;

    WebhookDispatcher(DeliveryService deliveries, NotificationRepository notifications, WebhookRepository webhooks,
            DeliveryConfig config, ObjectMapper json, Clock clock) {
        this.deliveries = deliveries;
        this.notifications = notifications;
        this.webhooks = webhooks;
        this.config = config;
        this.json = json;
        this.clock = clock;
        this.http = HttpClient.newBuilder().connectTimeout(config.timeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    @Scheduled(every = "${grantflow.deliveries.poll-interval}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void dispatch() {
        try {
            dispatchDue();
        } catch (RuntimeException e) {
            LOG.warnf("Webhook dispatch will retry: %s", e.getMessage());
        }
    }

    /** @return how many deliveries were attempted */
    public int dispatchDue() {
        int attempted = 0;
        Claim<Call> claim;
        List<Call> unsent;
        do {
            // One timeout to start the batch's sends in, one for all of them to end in.
            Duration sendingTime = config.timeout().multipliedBy(2);
            claim = QuarkusTransaction.requiringNew().call(() -> {
                Claim<Delivery> due = deliveries.claimDue(Channel.WEBHOOK, sendingTime);
                notifications.load(due.deliveries().stream().map(d -> d.notificationId).toList());
                webhooks.load(due.deliveries().stream().map(d -> d.organisationId).toList());
                return due.map(this::call);
            });
            List<CompletableFuture<Outcome>> sends = new ArrayList<>();
            unsent = claim.sendWhileTimeLeft(config.timeout(), clock, call -> sends.add(send(call)));
            List<UUID> sent = new ArrayList<>();
            for (CompletableFuture<Outcome> send : sends) {
                Outcome outcome = send.join();
                if (outcome.error() == null) {
                    sent.add(outcome.deliveryId());
                } else {
                    LOG.infof("Webhook delivery %s failed: %s", outcome.deliveryId(), outcome.error());
                    deliveries.failed(outcome.deliveryId(), outcome.error());
                }
            }
            deliveries.sent(sent);
            deliveries.release(claim, unsent.stream().map(Call::deliveryId).toList());
            attempted += sends.size();
        } while (claim.deliveries().size() == config.batchSize() && unsent.isEmpty());
        return attempted;
    }

    /** What to send for a claimed delivery, read in the claiming transaction. */
    private Call call(Delivery delivery) {
        Optional<Webhook> webhook = webhooks.registeredBy(delivery.organisationId);
        if (webhook.isEmpty()) {
            return Call.failing(delivery.id, "No webhook is registered for " + delivery.organisationId);
        }
        delivery.target = webhook.get().url;
        try {
            String body = json.writeValueAsString(NotificationView.of(notifications.findById(delivery.notificationId)));
            return new Call(delivery.id, webhook.get().url, webhook.get().secret, body, null);
        } catch (JsonProcessingException e) {
            return Call.failing(delivery.id, "Cannot write the notification: " + e.getMessage());
        }
    }

    private CompletableFuture<Outcome> send(Call call) {
        if (call.problem() != null) {
            return CompletableFuture.completedFuture(new Outcome(call.deliveryId(), call.problem()));
        }
        long timestamp = clock.instant().getEpochSecond();
        HttpRequest request;
        try {
            request = HttpRequest.newBuilder(URI.create(call.url()))
                    .header("Content-Type", "application/json")
                    .header(WebhookSignature.TIMESTAMP_HEADER, Long.toString(timestamp))
                    .header(WebhookSignature.SIGNATURE_HEADER, WebhookSignature.sign(call.secret(), timestamp,
                            call.body()))
                    .header(WebhookSignature.DELIVERY_HEADER, call.deliveryId().toString())
                    .POST(HttpRequest.BodyPublishers.ofString(call.body())).build();
        } catch (IllegalArgumentException e) {
            return CompletableFuture.completedFuture(new Outcome(call.deliveryId(), "Bad URL: " + e.getMessage()));
        }
        // The whole exchange gets the timeout: a request's own timeout ends only the wait for the head
        // of the answer, and a receiver that then sent its body slowly would hold up the batch.
        CompletableFuture<HttpResponse<Void>> exchange = http.sendAsync(request, HttpResponse.BodyHandlers.discarding());
        return exchange.copy().orTimeout(config.timeout().toMillis(), TimeUnit.MILLISECONDS).handle((response, error) -> {
            if (error instanceof TimeoutException) {
                exchange.cancel(true);
                return new Outcome(call.deliveryId(), "Timeout: the receiver's answer took longer than "
                        + config.timeout().toSeconds() + " s");
            }
            if (error != null) {
                Throwable cause = error.getCause() != null ? error.getCause() : error;
                return new Outcome(call.deliveryId(), cause.getClass().getSimpleName() + ": " + cause.getMessage());
            }
            int status = response.statusCode();
            return new Outcome(call.deliveryId(), status / 100 == 2 ? null : "The receiver answered HTTP " + status);
        });
    }

    private record Call(UUID deliveryId, String url, String secret, String body, String problem) {

        static Call failing(UUID deliveryId, String problem) {
            return new Call(deliveryId, null, null, null, problem);
        }
    }

    private record Outcome(UUID deliveryId, String error) {
    }
}
