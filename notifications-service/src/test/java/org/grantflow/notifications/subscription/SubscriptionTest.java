package org.grantflow.notifications.subscription;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
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

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

@QuarkusTest
class SubscriptionTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @Inject
    MutableClock clock;

    @Inject
    ReminderService reminders;

    @Inject
    EntityManager em;

    @Test
    void aPartnerSubscribesOnlyItsOwnOrganisationAndSeesOnlyItsOwnSubscriptions() {
        UUID fund = UUID.randomUUID();
        String organisation = Fixtures.organisation();
        String other = Fixtures.organisation();

        Fixtures.asPartner(organisation).put(path(organisation, fund)).then().statusCode(201)
                .body("fundId", equalTo(fund.toString())).body("organisationId", equalTo(organisation));
        Fixtures.asPartner(organisation).put(path(organisation, fund)).then().statusCode(200);
        Fixtures.asPartner(organisation).put(path(other, fund)).then().statusCode(403)
                .contentType("application/problem+json")
                .body("type", equalTo("https://grantflow.example/problems/forbidden"));
        Fixtures.as("assessor").put(path(other, fund)).then().statusCode(403);
        Fixtures.as("admin").put(path(other, fund)).then().statusCode(201).body("createdBy", equalTo("admin-user"));

        Fixtures.asPartner(organisation).queryParam("fundId", fund).get("/api/v1/subscriptions").then()
                .statusCode(200).body("total", equalTo(1)).body("items[0].organisationId", equalTo(organisation));
        // A partner's filter for another organisation is overridden by its token.
        Fixtures.asPartner(organisation).queryParam("organisationId", other).get("/api/v1/subscriptions").then()
                .body("items.organisationId", equalTo(List.of(organisation)));
        Fixtures.as("finance").queryParam("fundId", fund).get("/api/v1/subscriptions").then()
                .body("total", equalTo(2));

        Fixtures.asPartner(organisation).delete(path(other, fund)).then().statusCode(403);
        Fixtures.asPartner(organisation).delete(path(organisation, fund)).then().statusCode(204);
        Fixtures.asPartner(organisation).delete(path(organisation, fund)).then().statusCode(404)
                .contentType("application/problem+json");
        Fixtures.as("admin").queryParam("fundId", fund).get("/api/v1/subscriptions").then()
                .body("items.organisationId", equalTo(List.of(other)));
        given().accept(ContentType.JSON).get("/q/openapi").then().statusCode(200)
                .body("paths", hasKey("/api/v1/subscriptions/{organisationId}/funds/{fundId}"))
                .body("paths", hasKey("/api/v1/subscriptions"));
    }

    @Test
    void refusesAContactAddressThatIsNotOne() {
        String organisation = Fixtures.organisation();
        Fixtures.asPartner(organisation).body("{\"contactEmails\": [\"not an address\"]}")
                .put(path(organisation, UUID.randomUUID())).then().statusCode(400)
                .contentType("application/problem+json");
    }

    @Test
    void subscribersHearOfANewRoundAndAreRemindedBeforeItClosesUnlessTheyBidOrLeave() {
        clock.set(Instant.parse("2026-10-01T09:00:00Z"));
        UUID fund = UUID.randomUUID();
        UUID round = UUID.randomUUID();
        String follower = Fixtures.organisation();
        String bidder = Fixtures.organisation();
        String leaver = Fixtures.organisation();
        String drafter = Fixtures.organisation();
        String latecomer = Fixtures.organisation();
        for (String organisation : List.of(follower, bidder, leaver)) {
            Fixtures.asPartner(organisation).put(path(organisation, fund)).then().statusCode(201);
        }
        Fixtures.sendRoundEvent(round, Fixtures.roundOpened(UUID.randomUUID(), round, fund, "Followed round",
                Instant.parse("2026-11-02T17:00:00Z")));

        for (String organisation : List.of(follower, bidder, leaver)) {
            awaitKind(organisation, "ROUND_OPENED", 1);
        }
        Fixtures.asPartner(follower).queryParam("kind", "ROUND_OPENED").get("/api/v1/notifications").then()
                .body("items[0].subject", equalTo("Round opened: Followed round"))
                .body("items[0].body", containsString("A new round of the Fly-Tipping Fund, which you follow, is open"))
                .body("items[0].body", containsString("It closes at 17:00 on Monday 2 November 2026 (UK time)."));
        awaitScheduled(round, 6);

        UUID bid = UUID.randomUUID();
        Fixtures.sendBidEvent(bid, Fixtures.bidSubmitted(UUID.randomUUID(), bid, round, bidder, "Signs"));
        UUID draft = UUID.randomUUID();
        Fixtures.sendBidEvent(draft, Fixtures.bidDrafted(UUID.randomUUID(), draft, round, drafter, "CCTV"));
        Fixtures.asPartner(leaver).delete(path(leaver, fund)).then().statusCode(204);
        // Subscribing after the round opened brings its reminders too, but no notice of the opening.
        Fixtures.asPartner(latecomer).put(path(latecomer, fund)).then().statusCode(201);

        await().atMost(PATIENCE).untilAsserted(() -> Fixtures.as("assessor").queryParam("roundId", round)
                .queryParam("status", "SCHEDULED").queryParam("size", 50).get("/api/v1/reminders").then()
                .statusCode(200)
                .body("items.findAll { it.dueAt == '2026-10-26T17:00:00Z' }.recipient",
                        equalTo(List.of(drafter, follower, latecomer).stream().sorted().toList()))
                .body("total", equalTo(6)));
        // by due time, then recipient: each of them had a week's and a day's reminder
        List<String> gone = List.of(bidder, leaver).stream().sorted().toList();
        Fixtures.as("assessor").queryParam("roundId", round).queryParam("status", "CANCELLED")
                .get("/api/v1/reminders").then()
                .body("items.recipient", equalTo(List.of(gone.get(0), gone.get(1), gone.get(0), gone.get(1))));

        clock.set(Instant.parse("2026-10-26T17:00:00Z"));
        reminders.dispatchDue();
        awaitKind(follower, "ROUND_CLOSING", 1);
        Fixtures.asPartner(follower).queryParam("kind", "ROUND_CLOSING").get("/api/v1/notifications").then()
                .body("items[0].subject", equalTo("Reminder: \"Followed round\" closes in 7 days"))
                .body("items[0].body", containsString("You follow the Fly-Tipping Fund and have not bid in this round"));
        awaitKind(drafter, "ROUND_CLOSING", 1);
        Fixtures.asPartner(drafter).queryParam("kind", "ROUND_CLOSING").get("/api/v1/notifications").then()
                .body("items[0].body", containsString("- CCTV"));
        awaitKind(latecomer, "ROUND_CLOSING", 1);
        for (String organisation : List.of(bidder, leaver)) {
            awaitKind(organisation, "ROUND_CLOSING", 0);
        }
        Fixtures.asPartner(latecomer).queryParam("kind", "ROUND_OPENED").get("/api/v1/notifications").then()
                .body("total", equalTo(0));
        assertEquals(3, Rows.count(em, "SELECT count(*) FROM notification WHERE round_id = :round AND "
                + "kind = 'ROUND_CLOSING'", "round", round));
    }

    private void awaitScheduled(UUID round, int count) {
        await().atMost(PATIENCE).until(() -> Rows.count(em,
                "SELECT count(*) FROM reminder WHERE round_id = :round AND status = 'SCHEDULED'", "round", round)
                == count);
    }

    private static void awaitKind(String organisation, String kind, int count) {
        await().atMost(PATIENCE).untilAsserted(() -> Fixtures.asPartner(organisation).queryParam("kind", kind)
                .get("/api/v1/notifications").then().statusCode(200).body("total", equalTo(count)));
    }

    private static String path(String organisation, UUID fund) {
        return "/api/v1/subscriptions/" + organisation + "/funds/" + fund;
    }
}
