package org.grantflow.notifications.reminder;

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
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.test.junit.QuarkusTest;

/** A rolling round is reminded before each of its closing dates, in UK local time, until it closes. */
@QuarkusTest
class RollingRoundReminderTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @Inject
    MutableClock clock;

    @Inject
    ReminderService reminders;

    @Inject
    EntityManager em;

    @Test
    void remindsBeforeEveryClosingDateOnBothSidesOfTheClockChangeAndStopsWhenTheRoundCloses() {
        clock.set(Instant.parse("2027-03-01T09:00:00Z"));
        UUID round = UUID.randomUUID();
        String organisation = Fixtures.organisation();
        // 17:00 UK time each: Saturday 20 March (GMT), then 10 April and 8 May (BST; clocks go forward on 28 March)
        Fixtures.sendRoundEvent(round, Fixtures.rollingRoundOpened(UUID.randomUUID(), round, UUID.randomUUID(),
                "Innovation rolling round", Instant.parse("2027-03-20T17:00:00Z"),
                Instant.parse("2027-04-10T16:00:00Z"), Instant.parse("2027-05-08T16:00:00Z")));
        UUID bid = UUID.randomUUID();
        Fixtures.sendBidEvent(bid, Fixtures.bidDrafted(UUID.randomUUID(), bid, round, organisation, "Court app"));

        await().atMost(PATIENCE).untilAsserted(() -> Fixtures.as("assessor").queryParam("roundId", round)
                .queryParam("status", "SCHEDULED").get("/api/v1/reminders").then().statusCode(200)
                .body("items.dueAt", equalTo(List.of("2027-03-13T17:00:00Z", "2027-03-19T17:00:00Z",
                        "2027-04-03T16:00:00Z", "2027-04-09T16:00:00Z", "2027-05-01T16:00:00Z",
                        "2027-05-07T16:00:00Z")))
                .body("items[2].occasion", equalTo("round-closing/" + round + "/2027-04-10T16:00:00Z/P7D")));
        Fixtures.as("assessor").queryParam("organisationId", "assessors").queryParam("roundId", round)
                .queryParam("kind", "ROUND_OPENED").get("/api/v1/notifications").then()
                .body("items[0].body", containsString("It is a rolling round: bids are assessed at each closing "
                        + "date. The first closes at 17:00 on Saturday 20 March 2027 (UK time), then:\n"
                        + "- 17:00 on Saturday 10 April 2027\n- 17:00 on Saturday 8 May 2027"));

        clock.set(Instant.parse("2027-03-13T17:00:00Z"));
        reminders.dispatchDue();
        assertEquals(1, sent(round));
        clock.set(Instant.parse("2027-03-19T17:00:00Z"));
        reminders.dispatchDue();
        clock.set(Instant.parse("2027-04-03T15:59:59Z")); // 16:59:59 BST
        reminders.dispatchDue();
        assertEquals(2, sent(round));
        clock.set(Instant.parse("2027-04-03T16:00:00Z"));
        reminders.dispatchDue();
        assertEquals(3, sent(round));
        Fixtures.asPartner(organisation).queryParam("kind", "ROUND_CLOSING").get("/api/v1/notifications").then()
                .body("items[0].subject", equalTo("Reminder: \"Innovation rolling round\" closes in 7 days"))
                .body("items[0].body", containsString("closes at 17:00 on Saturday 10 April 2027 (UK time)."))
                .body("items[0].body", containsString("It is a rolling round: bids submitted after this closing date "
                        + "wait for the next one."))
                .body("items[0].createdAt", equalTo("2027-04-03T16:00:00Z"));

        clock.set(Instant.parse("2027-04-09T16:00:00Z"));
        reminders.dispatchDue();
        assertEquals(4, sent(round));

        // An officer closes the round after its second closing date: nothing more is sent.
        clock.set(Instant.parse("2027-04-20T10:00:00Z"));
        ObjectNode closed = Fixtures.example(Fixtures.ROUND_CLOSED, UUID.randomUUID(), round);
        Fixtures.data(closed).put("roundId", round.toString()).put("reason", "CLOSED_BY_OFFICER")
                .put("closedAt", "2027-04-20T10:00:00Z");
        Fixtures.sendRoundEvent(round, Fixtures.checked(closed));
        await().atMost(PATIENCE).untilAsserted(() -> Fixtures.as("assessor").queryParam("roundId", round)
                .queryParam("status", "CANCELLED").get("/api/v1/reminders").then()
                .body("items.dueAt", equalTo(List.of("2027-05-01T16:00:00Z", "2027-05-07T16:00:00Z")))
                .body("items[0].reason", equalTo("The round closed")));
        clock.set(Instant.parse("2027-05-07T18:00:00Z"));
        reminders.dispatchDue();
        assertEquals(4, sent(round));
        assertEquals(4, Rows.count(em, "SELECT count(*) FROM notification WHERE round_id = :round "
                + "AND kind = 'ROUND_CLOSING'", "round", round));
    }

    private long sent(UUID round) {
        return Rows.count(em, "SELECT count(*) FROM reminder WHERE round_id = :round AND status = 'SENT'",
                "round", round);
    }
}
