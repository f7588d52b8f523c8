package org.grantflow.notifications.award;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.grantflow.infra.testing.MutableClock;
import org.grantflow.notifications.Fixtures;
import org.grantflow.notifications.Rows;
import org.grantflow.notifications.reminder.ReminderService;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;

/**
 * Spend-by reminders go to awardees not fully paid, 30 days before the spend-by date; evaluation
 * reminders when a project that must be evaluated ends; both at 09:00 UK time, GMT or BST.
 */
@QuarkusTest
class AwardReminderTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @Inject
    MutableClock clock;

    @Inject
    ReminderService reminders;

    @Inject
    EntityManager em;

    @Test
    void remindsAnAwardeeNotFullyPaidBeforeTheSpendByDateAndWhenTheEvaluationIsDueInWinter() {
        clock.set(Instant.parse("2016-12-12T11:00:00Z"));
        String organisation = Fixtures.organisation();
        UUID bid = UUID.randomUUID();
        // spend by Friday 31 March 2017, project ends Friday 17 March 2017, evaluation required
        Fixtures.sendBidEvent(bid, awarded(bid, organisation, "2017-03-31", "2017-03-17", true));
        Fixtures.sendCommitmentEvent(bid, payment(bid, organisation, "PAYMENT", "4000.00"));
        awaitNotified(organisation, "PAYMENT_RECORDED", 1);

        awaitScheduled(bid, List.of("2017-03-01T09:00:00Z", "2017-03-17T09:00:00Z"));
        clock.set(Instant.parse("2017-03-01T08:59:59Z"));
        reminders.dispatchDue();
        assertEquals(0, sent(bid));
        clock.set(Instant.parse("2017-03-01T09:00:00Z"));
        reminders.dispatchDue();
        awaitNotified(organisation, "SPEND_BY_DUE", 1)
                .body("items[0].bidId", equalTo(bid.toString()))
                .body("items[0].subject", equalTo("Reminder: spend your grant for \"Cameras at fly-tipping hot spots\" "
                        + "by Friday 31 March 2017"))
                .body("items[0].body", containsString("Your grant of £12,000.00 for \"Cameras at fly-tipping hot "
                        + "spots\" must be spent by Friday 31 March 2017, in 30 days."))
                .body("items[0].body", containsString("So far £4,000.00 has been paid and £8,000.00 is still to be "
                        + "claimed."))
                .body("items[0].createdAt", equalTo("2017-03-01T09:00:00Z"));

        clock.set(Instant.parse("2017-03-17T09:00:00Z"));
        reminders.dispatchDue();
        awaitNotified(organisation, "EVALUATION_DUE", 1)
                .body("items[0].subject", equalTo("Evaluation due: Cameras at fly-tipping hot spots"))
                .body("items[0].body", containsString("ended on Friday 17 March 2017."))
                .body("items[0].body", containsString("The round asks for an evaluation report"));
        Fixtures.as("finance").queryParam("bidId", bid).queryParam("status", "SENT").get("/api/v1/reminders").then()
                .body("items.kind", equalTo(List.of("SPEND_BY", "EVALUATION_DUE")))
                .body("items.sentAt", equalTo(List.of("2017-03-01T09:00:00Z", "2017-03-17T09:00:00Z")));
        // Running the dispatcher again sends nothing twice.
        clock.advance(Duration.ofDays(2));
        reminders.dispatchDue();
        assertEquals(2, sent(bid));
    }

    @Test
    void aFullyPaidAwardIsNotRemindedUntilMoneyIsPaidBackAndSummerRemindersComeAtNineBst() {
        clock.set(Instant.parse("2017-01-10T11:00:00Z"));
        String organisation = Fixtures.organisation();
        UUID bid = UUID.randomUUID();
        // The payment may come before the award: the topics are not ordered with each other.
        Fixtures.sendCommitmentEvent(bid, payment(bid, organisation, "PAYMENT", "12000.00"));
        awaitNotified(organisation, "PAYMENT_RECORDED", 1);
        // spend by Friday 30 June 2017, project ends Friday 14 July 2017 (both BST)
        Fixtures.sendBidEvent(bid, awarded(bid, organisation, "2017-06-30", "2017-07-14", true));
        awaitNotified(organisation, "AWARD_CONFIRMED", 1);
        awaitScheduled(bid, List.of("2017-07-14T08:00:00Z"));

        Fixtures.sendCommitmentEvent(bid, payment(bid, organisation, "REPAYMENT", "500.00"));
        // 09:00 BST on Wednesday 31 May 2017
        awaitScheduled(bid, List.of("2017-05-31T08:00:00Z", "2017-07-14T08:00:00Z"));

        clock.set(Instant.parse("2017-05-31T08:00:00Z"));
        reminders.dispatchDue();
        awaitNotified(organisation, "SPEND_BY_DUE", 1)
                .body("items[0].body", containsString("So far £11,500.00 has been paid and £500.00 is still to be "
                        + "claimed."));
        clock.set(Instant.parse("2017-07-14T07:59:59Z"));
        reminders.dispatchDue();
        assertEquals(1, sent(bid));
        clock.set(Instant.parse("2017-07-14T08:00:00Z"));
        reminders.dispatchDue();
        awaitNotified(organisation, "EVALUATION_DUE", 1)
                .body("items[0].createdAt", equalTo("2017-07-14T08:00:00Z"));
    }

    @Test
    void anAwardPaidInFullBeforeItsReminderIsDueIsNotRemindedAndNoEvaluationUnlessRequired() {
        clock.set(Instant.parse("2016-12-12T11:00:00Z"));
        String organisation = Fixtures.organisation();
        UUID bid = UUID.randomUUID();
        Fixtures.sendBidEvent(bid, awarded(bid, organisation, "2017-03-31", "2017-03-17", false));
        awaitScheduled(bid, List.of("2017-03-01T09:00:00Z"));

        Fixtures.sendCommitmentEvent(bid, payment(bid, organisation, "PAYMENT", "12000.00"));
        await().atMost(PATIENCE).untilAsserted(() -> Fixtures.as("admin").queryParam("bidId", bid)
                .queryParam("status", "CANCELLED").get("/api/v1/reminders").then()
                .body("total", equalTo(1)).body("items[0].reason", equalTo("The award is fully paid")));
        clock.set(Instant.parse("2017-04-01T09:00:00Z"));
        reminders.dispatchDue();
        assertEquals(0, sent(bid));
        assertEquals(0, Rows.count(em, "SELECT count(*) FROM notification WHERE bid_id = :bid AND kind IN "
                + "('SPEND_BY_DUE', 'EVALUATION_DUE')", "bid", bid));
    }

    private static String awarded(UUID bid, String organisation, String spendBy, String projectEnd,
            boolean evaluation) {
        ObjectNode event = Fixtures.example(Fixtures.BID_AWARDED, UUID.randomUUID(), bid);
        Fixtures.data(event).put("bidId", bid.toString()).put("organisationId", organisation)
                .put("roundId", UUID.randomUUID().toString()).put("spendBy", spendBy)
                .put("projectEndDate", projectEnd).put("evaluationRequired", evaluation);
        return Fixtures.checked(event);
    }

    private static String payment(UUID bid, String organisation, String kind, String amount) {
        ObjectNode event = Fixtures.example(Fixtures.PAYMENT_RECORDED, UUID.randomUUID(), bid);
        Fixtures.data(event).put("bidId", bid.toString()).put("organisationId", organisation)
                .put("paymentId", UUID.randomUUID().toString()).put("kind", kind).put("amount", amount);
        return Fixtures.checked(event);
    }

    private static ValidatableResponse awaitNotified(String organisation, String kind, int count) {
        await().atMost(PATIENCE).untilAsserted(() -> Fixtures.asPartner(organisation).queryParam("kind", kind)
                .get("/api/v1/notifications").then().statusCode(200).body("total", equalTo(count)));
        return Fixtures.asPartner(organisation).queryParam("kind", kind).get("/api/v1/notifications").then();
    }

    private static void awaitScheduled(UUID bid, List<String> dueAt) {
        await().atMost(PATIENCE).untilAsserted(() -> Fixtures.as("assessor").queryParam("bidId", bid)
                .queryParam("status", "SCHEDULED").get("/api/v1/reminders").then().statusCode(200)
                .body("items.dueAt", equalTo(dueAt)));
    }

    private long sent(UUID bid) {
        return Rows.count(em, "SELECT count(*) FROM reminder WHERE bid_id = :bid AND status = 'SENT'", "bid", bid);
    }
}
