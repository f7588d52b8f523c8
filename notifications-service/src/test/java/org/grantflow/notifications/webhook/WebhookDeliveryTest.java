package org.grantflow.notifications.webhook;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.grantflow.infra.testing.MutableClock;
import org.grantflow.notifications.Fixtures;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

@QuarkusTest
class WebhookDeliveryTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final PartnerPortal PORTAL = new PartnerPortal();

    @Inject
    MutableClock clock;

    @Inject
    WebhookDispatcher dispatcher;

    @AfterAll
    static void closePortal() {
        PORTAL.close();
    }

    @Test
    void eachNotificationIsPostedToThePartnersWebhookSignedSoThePortalCanVerifyIt() {
        clock.set(Instant.parse("2016-11-17T15:45:00Z"));
        String organisation = Fixtures.organisation();
        String path = "/ok/" + organisation;
        String secret = register(organisation, path);
        Fixtures.asPartner(organisation).get("/api/v1/webhooks").then().statusCode(200)
                .body("url", equalTo(PORTAL.url(path))).body("$", not(hasKey("secret")));

        UUID bid = UUID.randomUUID();
        Fixtures.sendBidEvent(bid, Fixtures.bidSubmitted(UUID.randomUUID(), bid, organisation, "Signed"));

        await().atMost(PATIENCE).until(() -> PORTAL.calls(path).size() == 1);
        PartnerPortal.Call call = PORTAL.calls(path).get(0);
        assertTrue(call.verified(), "the portal verifies the signature with its secret");
        assertTrue(PartnerPortal.verify(secret, call.timestamp(), call.signature(), call.body()));
        assertEquals(Long.toString(Instant.parse("2016-11-17T15:45:00Z").getEpochSecond()), call.timestamp());
        JsonPath body = new JsonPath(call.body());
        assertEquals("Bid received: Signed", body.getString("subject"));
        assertEquals(organisation, body.getString("organisationId"));
        assertEquals(bid.toString(), body.getString("bidId"));
        // A tampered body would not verify.
        assertFalse(PartnerPortal.verify(secret, call.timestamp(), call.signature(),
                call.body().replace("Signed", "Forged")));

        await().atMost(PATIENCE).untilAsserted(() -> Fixtures.asPartner(organisation)
                .queryParam("channel", "WEBHOOK").get("/api/v1/deliveries").then().statusCode(200)
                .body("total", equalTo(1))
                .body("items[0].status", equalTo("SENT"))
                .body("items[0].channel", equalTo("WEBHOOK"))
                .body("items[0].attempts", equalTo(1))
                .body("items[0].notificationId", equalTo(body.getString("id"))));
    }

    @Test
    void aFailingReceiverIsRetriedWithBackOffThenDeadAndStaffCanResendIt() {
        clock.set(Instant.parse("2016-11-17T16:00:00Z"));
        String organisation = Fixtures.organisation();
        String path = "/failing/" + organisation;
        register(organisation, path);
        PORTAL.answer(path, 500);
        UUID bid = UUID.randomUUID();
        Fixtures.sendBidEvent(bid, Fixtures.bidSubmitted(UUID.randomUUID(), bid, organisation, "Retried"));

        awaitDelivery(organisation, "FAILED", 1);
        Fixtures.as("admin").queryParam("organisationId", organisation).queryParam("channel", "WEBHOOK")
                .get("/api/v1/deliveries").then()
                .body("items[0].lastError", equalTo("The receiver answered HTTP 500"))
                // the first wait after a failure is the initial back-off, 30 s
                .body("items[0].nextAttemptAt", equalTo("2016-11-17T16:00:30Z"));
        clock.advance(Duration.ofSeconds(29));
        dispatcher.dispatchDue();
        assertEquals(1, PORTAL.calls(path).size());

        clock.advance(Duration.ofSeconds(1));
        awaitDelivery(organisation, "FAILED", 2);
        // the wait doubles: 60 s after the second failure
        Fixtures.as("admin").queryParam("organisationId", organisation).queryParam("channel", "WEBHOOK")
                .get("/api/v1/deliveries").then()
                .body("items[0].nextAttemptAt", equalTo("2016-11-17T16:01:30Z"));
        clock.advance(Duration.ofSeconds(60));
        awaitDelivery(organisation, "DEAD", 3);
        String deliveryId = Fixtures.as("admin").queryParam("organisationId", organisation)
                .queryParam("status", "DEAD").queryParam("channel", "WEBHOOK").get("/api/v1/deliveries").then()
                .body("items[0].lastError",
                        equalTo("Gave up after 3 attempts; the last: The receiver answered HTTP 500"))
                .extract().path("items[0].id");
        clock.advance(Duration.ofHours(2));
        dispatcher.dispatchDue();
        assertEquals(3, PORTAL.calls(path).size(), "a dead delivery is not tried again by itself");

        Fixtures.asPartner(organisation).post("/api/v1/deliveries/" + deliveryId + "/resend").then().statusCode(403);
        PORTAL.answer(path, 200);
        Fixtures.as("assessor").post("/api/v1/deliveries/" + deliveryId + "/resend").then().statusCode(200)
                .body("status", equalTo("PENDING")).body("attempts", equalTo(0));
        awaitDelivery(organisation, "SENT", 1);
        assertEquals(4, PORTAL.calls(path).size());
        Fixtures.as("assessor").post("/api/v1/deliveries/" + deliveryId + "/resend").then().statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("https://grantflow.example/problems/delivery-not-dead"));
    }

    @Test
    void aDeadNotificationIsFoundByItsStatusAndStaffResendIt() {
        clock.set(Instant.parse("2016-11-17T18:00:00Z"));
        String organisation = Fixtures.organisation();
        String path = "/dead/" + organisation;
        register(organisation, path);
        PORTAL.answer(path, 503);
        UUID bid = UUID.randomUUID();
        Fixtures.sendBidEvent(bid, Fixtures.bidSubmitted(UUID.randomUUID(), bid, organisation, "Given up"));
        awaitDelivery(organisation, "FAILED", 1);
        Fixtures.asPartner(organisation).queryParam("status", "FAILED").get("/api/v1/notifications").then()
                .body("total", equalTo(1));
        clock.advance(Duration.ofSeconds(30));
        awaitDelivery(organisation, "FAILED", 2);
        clock.advance(Duration.ofSeconds(60));
        awaitDelivery(organisation, "DEAD", 3);

        String id = Fixtures.as("admin").queryParam("organisationId", organisation).queryParam("status", "DEAD")
                .queryParam("eventType", "grantflow.bid.submitted.v1").get("/api/v1/notifications").then()
                .statusCode(200).body("total", equalTo(1)).body("items[0].status", equalTo("DEAD"))
                .extract().path("items[0].id");
        Fixtures.as("admin").queryParam("organisationId", organisation).queryParam("status", "SENT")
                .get("/api/v1/notifications").then().body("total", equalTo(0));
        Fixtures.asPartner(organisation).post("/api/v1/notifications/" + id + "/resend").then().statusCode(403);
        Fixtures.asPartner(Fixtures.organisation()).queryParam("status", "DEAD").get("/api/v1/notifications").then()
                .body("total", equalTo(0));

        PORTAL.answer(path, 200);
        Fixtures.as("finance").post("/api/v1/notifications/" + id + "/resend").then().statusCode(200)
                .body("status", equalTo("PENDING"));
        awaitDelivery(organisation, "SENT", 1);
        Fixtures.asPartner(organisation).get("/api/v1/notifications/" + id).then().body("status", equalTo("SENT"));
        Fixtures.as("finance").post("/api/v1/notifications/" + id + "/resend").then().statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("https://grantflow.example/problems/notification-not-dead"));
        Fixtures.as("finance").post("/api/v1/notifications/" + UUID.randomUUID() + "/resend").then()
                .statusCode(404);
    }

    @Test
    void aHangingReceiverDoesNotHoldUpOtherNotificationsAndTimesOut() {
        clock.set(Instant.parse("2016-11-17T17:00:00Z"));
        String slow = slowReceiverHoldsUpNobody("/hanging/", -1);
        await().atMost(PATIENCE).untilAsserted(() -> Fixtures.asPartner(slow)
                .queryParam("channel", "WEBHOOK").get("/api/v1/deliveries").then()
                .body("items[0].status", equalTo("FAILED"))
                .body("items[0].lastError", containsString("Timeout")));
    }

    @Test
    void aReceiverThatNeverFinishesItsAnswerDoesNotHoldUpOtherNotificationsAndTimesOut() {
        clock.set(Instant.parse("2016-11-17T17:30:00Z"));
        String slow = slowReceiverHoldsUpNobody("/unfinished/", -2);
        awaitDelivery(slow, "FAILED", 1);
        Fixtures.asPartner(slow).queryParam("channel", "WEBHOOK").get("/api/v1/deliveries").then()
                .body("items[0].lastError", equalTo("Timeout: the receiver's answer took longer than 2 s"));
    }

    /**
     * Has a receiver answer as told ({@link PartnerPortal#answer}) to a notification and, while it is
     * at it, checks that another organisation's notification is made and posted to its receiver: the
     * slow receiver's batch is over within the timeout.
     *
     * @return the slow receiver's organisation
     */
    private static String slowReceiverHoldsUpNobody(String pathPrefix, int answer) {
        String slow = Fixtures.organisation();
        String path = pathPrefix + slow;
        register(slow, path);
        PORTAL.answer(path, answer);
        UUID slowBid = UUID.randomUUID();
        Fixtures.sendBidEvent(slowBid, Fixtures.bidSubmitted(UUID.randomUUID(), slowBid, slow, "Slow"));
        await().atMost(PATIENCE).until(() -> PORTAL.calls(path).size() == 1);

        String other = Fixtures.organisation();
        register(other, "/ok/" + other);
        UUID otherBid = UUID.randomUUID();
        Fixtures.sendBidEvent(otherBid, Fixtures.bidSubmitted(UUID.randomUUID(), otherBid, other, "Quick"));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> Fixtures.asPartner(other)
                .queryParam("channel", "WEBHOOK").get("/api/v1/deliveries").then()
                .body("items[0].status", equalTo("SENT")));
        assertEquals(1, PORTAL.calls(path).size());
        return slow;
    }

    @Test
    void onlyPartnersRegisterWebhooksAndOnlyHttpUrls() {
        Fixtures.as("admin").body(Map.of("url", "https://example.org/hook")).post("/api/v1/webhooks").then()
                .statusCode(403);
        Fixtures.asPartner(Fixtures.organisation()).body(Map.of("url", "ftp://example.org/hook"))
                .post("/api/v1/webhooks").then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("https://grantflow.example/problems/invalid-request"));
    }

    private static String register(String organisation, String path) {
        String secret = Fixtures.asPartner(organisation).body(Map.of("url", PORTAL.url(path)))
                .post("/api/v1/webhooks").then().statusCode(201)
                .body("organisationId", equalTo(organisation))
                .body("secret", startsWith("whsec_"))
                .extract().path("secret");
        PORTAL.secret(path, secret);
        return secret;
    }

    private static void awaitDelivery(String organisation, String status, int attempts) {
        await().atMost(PATIENCE).untilAsserted(() -> Fixtures.as("admin").queryParam("organisationId", organisation)
                .queryParam("channel", "WEBHOOK").get("/api/v1/deliveries").then().statusCode(200)
                .body("total", equalTo(1))
                .body("items[0].status", equalTo(status)).body("items[0].attempts", equalTo(attempts)));
    }
}
