package org.grantflow.notifications.reminder;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.grantflow.infra.testing.MutableClock;
import org.grantflow.notifications.Fixtures;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class RoundClosingReminderTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @Inject
    MutableClock clock;

    @Inject
    ReminderService reminders;

    @Inject
    EntityManager em;

    @Test
    void remindsOrganisationsWithADraftAtUkLocalTimeBeforeAWinterDeadlineButNotThoseThatSubmittedOrWithdrew() {
        clock.set(Instant.parse("2026-10-01T09:00:00Z"));
        UUID round = UUID.randomUUID();
        String drafting = Fixtures.organisation();
        String submitted = Fixtures.organisation();
        String withdrawn = Fixtures.organisation();
        // Drafts first: the bid and round topics are not ordered with each other.
        UUID draft = draft(round, drafting, "CCTV for lay-bys");
        UUID submittedBid = draft(round, submitted, "Signs");
        Fixtures.sendBidEvent(submittedBid,
                Fixtures.bidSubmitted(UUID.randomUUID(), submittedBid, round, submitted, "Signs"));
        UUID withdrawnBid = draft(round, withdrawn, "Patrols");
        Fixtures.sendBidEvent(withdrawnBid,
                Fixtures.bidWithdrawn(UUID.randomUUID(), withdrawnBid, round, withdrawn, "Patrols",
                        "Changed our plans"));
        // 17:00 on Monday 2 November 2026, GMT
        Fixtures.sendRoundEvent(round, Fixtures.roundOpened(UUID.randomUUID(), round, "Winter round",
                Instant.parse("2026-11-02T17:00:00Z")));

        await().atMost(PATIENCE).untilAsserted(() -> Fixtures.as("assessor").queryParam("roundId", round)
                .queryParam("status", "SCHEDULED").get("/api/v1/reminders").then().statusCode(200)
                .body("total", equalTo(2))
                .body("items.recipient", equalTo(List.of(drafting, drafting)))
                .body("items.dueAt", equalTo(List.of("2026-10-26T17:00:00Z", "2026-11-01T17:00:00Z")))
                .body("items.occasion", equalTo(List.of("round-closing/" + round + "/2026-11-02T17:00:00Z/P7D",
                        "round-closing/" + round + "/2026-11-02T17:00:00Z/P1D"))));
        // Whether or not their reminders were scheduled before they submitted or withdrew, none is left.
        await().atMost(PATIENCE).until(() -> count("""
                SELECT count(*) FROM known_bid WHERE round_id = :round AND status IN ('SUBMITTED', 'WITHDRAWN')""",
                round) == 2);
        Fixtures.as("assessor").queryParam("roundId", round).queryParam("status", "SCHEDULED")
                .get("/api/v1/reminders").then().body("total", equalTo(2));

        clock.set(Instant.parse("2026-10-26T16:59:59Z"));
        reminders.dispatchDue();
        assertEquals(0, sentFor(round));

        clock.set(Instant.parse("2026-10-26T17:00:00Z"));
        await().atMost(PATIENCE).until(() -> sentFor(round) == 1);
        Fixtures.asPartner(drafting).queryParam("kind", "ROUND_CLOSING").get("/api/v1/notifications").then()
                .statusCode(200).body("total", equalTo(1))
                .body("items[0].roundId", equalTo(round.toString()))
                .body("items[0].subject", equalTo("Reminder: \"Winter round\" closes in 7 days"))
                .body("items[0].body", containsString("closes at 17:00 on Monday 2 November 2026 (UK time)"))
                .body("items[0].body", containsString("- CCTV for lay-bys"));
        for (String other : List.of(submitted, withdrawn)) {
            Fixtures.asPartner(other).queryParam("kind", "ROUND_CLOSING").get("/api/v1/notifications").then()
                    .statusCode(200).body("total", equalTo(0));
        }

        clock.set(Instant.parse("2026-11-01T17:00:00Z"));
        await().atMost(PATIENCE).until(() -> sentFor(round) == 2);
        Fixtures.asPartner(drafting).queryParam("kind", "ROUND_CLOSING").get("/api/v1/notifications").then()
                .body("items[0].subject", equalTo("Reminder: \"Winter round\" closes tomorrow"));
        Fixtures.as("admin").queryParam("roundId", round).queryParam("status", "SENT").get("/api/v1/reminders")
                .then().body("total", equalTo(2)).body("items.sentAt",
                        equalTo(List.of("2026-10-26T17:00:00Z", "2026-11-01T17:00:00Z")));
    }

    @Test
    void remindsAtUkLocalTimeBeforeASummerDeadlineOnBothSidesOfTheClockChange() {
        clock.set(Instant.parse("2027-03-01T09:00:00Z"));
        UUID round = UUID.randomUUID();
        String organisation = Fixtures.organisation();
        // 17:00 on Friday 2 April 2027 is 16:00 UTC; clocks went forward on 28 March.
        Fixtures.sendRoundEvent(round, Fixtures.roundOpened(UUID.randomUUID(), round, "Spring round",
                Instant.parse("2027-04-02T16:00:00Z")));
        draft(round, organisation, "Speed signs");

        await().atMost(PATIENCE).untilAsserted(() -> Fixtures.as("assessor").queryParam("roundId", round)
                .queryParam("status", "SCHEDULED").get("/api/v1/reminders").then().statusCode(200)
                // 17:00 GMT a week before, 17:00 BST the day before
                .body("items.dueAt", equalTo(List.of("2027-03-26T17:00:00Z", "2027-04-01T16:00:00Z"))));

        clock.set(Instant.parse("2027-03-26T16:00:00Z")); // 16:00 GMT: an hour early
        reminders.dispatchDue();
        assertEquals(0, sentFor(round));
        clock.set(Instant.parse("2027-03-26T17:00:00Z"));
        await().atMost(PATIENCE).until(() -> sentFor(round) == 1);

        clock.set(Instant.parse("2027-04-01T15:59:59Z"));
        reminders.dispatchDue();
        assertEquals(1, sentFor(round));
        clock.set(Instant.parse("2027-04-01T16:00:00Z")); // 17:00 BST
        await().atMost(PATIENCE).until(() -> sentFor(round) == 2);
        Fixtures.asPartner(organisation).queryParam("kind", "ROUND_CLOSING").get("/api/v1/notifications").then()
                .body("items[0].body", containsString("closes at 17:00 on Friday 2 April 2027 (UK time)"))
                .body("items[0].createdAt", equalTo("2027-04-01T16:00:00Z"));
    }

    @Test
    void submittingTheDraftCancelsItsRemindersAndTheyAreNeverSent() {
        clock.set(Instant.parse("2026-10-01T09:00:00Z"));
        UUID round = UUID.randomUUID();
        String organisation = Fixtures.organisation();
        Fixtures.sendRoundEvent(round, Fixtures.roundOpened(UUID.randomUUID(), round, "Cancel round",
                Instant.parse("2026-11-02T17:00:00Z")));
        UUID bid = draft(round, organisation, "Dog patrols");
        awaitScheduled(round, 2);

        Fixtures.sendBidEvent(bid, Fixtures.bidSubmitted(UUID.randomUUID(), bid, round, organisation, "Dog patrols"));
        await().atMost(PATIENCE).untilAsserted(() -> Fixtures.as("assessor").queryParam("roundId", round)
                .queryParam("status", "CANCELLED").get("/api/v1/reminders").then().body("total", equalTo(2))
                .body("items[0].reason", equalTo("No draft bid left in the round")));
        clock.set(Instant.parse("2026-11-01T17:30:00Z"));
        reminders.dispatchDue();
        assertEquals(0, notificationsFor(round));
    }

    @Test
    void aReminderFiresOnceHoweverOftenTheDispatcherRuns() {
        clock.set(Instant.parse("2026-10-01T09:00:00Z"));
        UUID round = UUID.randomUUID();
        String organisation = Fixtures.organisation();
        Fixtures.sendRoundEvent(round, Fixtures.roundOpened(UUID.randomUUID(), round, "Once round",
                Instant.parse("2026-11-02T17:00:00Z")));
        draft(round, organisation, "Litter picks");
        awaitScheduled(round, 2);

        clock.set(Instant.parse("2026-10-27T09:00:00Z"));
        for (int run = 0; run < 5; run++) {
            reminders.dispatchDue();
            clock.advance(Duration.ofHours(1));
        }
        await().atMost(PATIENCE).until(() -> sentFor(round) == 1);
        assertEquals(1, notificationsFor(round));
        // A later draft by the same organisation does not bring the sent reminder back.
        draft(round, organisation, "More litter picks");
        await().atMost(PATIENCE).until(() -> count("SELECT count(*) FROM known_bid WHERE round_id = :round", round) == 2);
        reminders.dispatchDue();
        assertEquals(1, notificationsFor(round));
    }

    @Test
    void instancesDispatchingAtOnceSendEachReminderExactlyOnce() throws Exception {
        clock.set(Instant.parse("2026-10-01T09:00:00Z"));
        UUID round = UUID.randomUUID();
        Fixtures.sendRoundEvent(round, Fixtures.roundOpened(UUID.randomUUID(), round, "Busy round",
                Instant.parse("2026-11-02T17:00:00Z")));
        int organisations = 30;
        for (int i = 0; i < organisations; i++) {
            draft(round, Fixtures.organisation(), "Bid " + i);
        }
        awaitScheduled(round, 2 * organisations);

        // Both reminders are due; the scheduler and six more "instances" race for them.
        clock.set(Instant.parse("2026-11-01T18:00:00Z"));
        ExecutorService instances = Executors.newFixedThreadPool(6);
        try {
            List<Callable<Integer>> dispatchers = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                dispatchers.add(reminders::dispatchDue);
            }
            for (Future<Integer> result : instances.invokeAll(dispatchers)) {
                result.get();
            }
        } finally {
            instances.shutdown();
        }

        await().atMost(PATIENCE).until(() -> sentFor(round) == 2 * organisations);
        assertEquals(2 * organisations, notificationsFor(round));
        assertEquals(2 * organisations, count("""
                SELECT count(DISTINCT n.reminder_id) FROM notification n JOIN reminder r ON r.id = n.reminder_id
                WHERE r.round_id = :round AND r.notification_id = n.id""", round));
    }

    @Test
    void reminderListIsForStaffOnly() {
        Fixtures.asPartner(Fixtures.organisation()).get("/api/v1/reminders").then().statusCode(403)
                .contentType("application/problem+json");
    }

    private static UUID draft(UUID round, String organisation, String title) {
        UUID bid = UUID.randomUUID();
        Fixtures.sendBidEvent(bid, Fixtures.bidDrafted(UUID.randomUUID(), bid, round, organisation, title));
        return bid;
    }

    private void awaitScheduled(UUID round, int reminders) {
        await().atMost(PATIENCE).until(() -> count(
                "SELECT count(*) FROM reminder WHERE round_id = :round AND status = 'SCHEDULED'", round) == reminders);
    }

    private long sentFor(UUID round) {
        return count("SELECT count(*) FROM reminder WHERE round_id = :round AND status = 'SENT'", round);
    }

    private long notificationsFor(UUID round) {
        return count("SELECT count(*) FROM notification WHERE round_id = :round AND kind = 'ROUND_CLOSING'", round);
    }

    private long count(String sql, UUID round) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(sql)
                .setParameter("round", round).getSingleResult()).longValue());
    }
}
