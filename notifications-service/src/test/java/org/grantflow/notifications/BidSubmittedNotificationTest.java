package org.grantflow.notifications;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.grantflow.infra.testing.MutableClock;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;

@QuarkusTest
class BidSubmittedNotificationTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);
    /** The round and the time of submission in the documented example. */
    private static final String EXAMPLE_ROUND_ID = "9a7b6c5d-4e3f-4a1b-8c9d-0e1f2a3b4c5d";

    @Inject
    EntityManager em;

    @Inject
    MutableClock clock;

    @Test
    void aSubmittedBidNotifiesItsApplicantOrganisationOnceInPlainEnglish() {
        String organisation = Fixtures.organisation();
        UUID bidId = UUID.randomUUID();
        Fixtures.sendBidEvent(bidId, Fixtures.bidSubmitted(UUID.randomUUID(), bidId, organisation));

        awaitPartnerSees(organisation, 1);
        ValidatableResponse list = Fixtures.asPartner(organisation).get("/api/v1/notifications").then()
                .statusCode(200)
                .body("total", equalTo(1))
                .body("items[0].organisationId", equalTo(organisation))
                .body("items[0].audience", equalTo("APPLICANT"))
                .body("items[0].kind", equalTo("BID_SUBMITTED"))
                .body("items[0].bidId", equalTo(bidId.toString()))
                .body("items[0].roundId", equalTo(EXAMPLE_ROUND_ID))
                .body("items[0].subject", equalTo("Bid received: Cameras at fly-tipping hot spots"))
                .body("items[0].body", containsString("Fly-Tipping Fund 2016/17"))
                .body("items[0].body", containsString("£12,000.00"))
                // 15:42:10Z in November is 15:42 in London (GMT)
                .body("items[0].body", containsString("17 November 2016 at 15:42"));
        String id = list.extract().path("items[0].id");

        Fixtures.asPartner(organisation).get("/api/v1/notifications/" + id).then().statusCode(200)
                .body("id", equalTo(id))
                .body("subject", equalTo("Bid received: Cameras at fly-tipping hot spots"));
    }

    @Test
    void aRedeliveredEventNotifiesOnlyOnce() {
        String organisation = Fixtures.organisation();
        UUID bidId = UUID.randomUUID();
        UUID eventId = UUID.randomUUID();
        String event = Fixtures.bidSubmitted(eventId, bidId, organisation);
        Fixtures.sendBidEvent(bidId, event);
        Fixtures.sendBidEvent(bidId, event);
        // Same key, so same partition: once the marker is applied, both deliveries before it are too.
        Fixtures.sendBidEvent(bidId, Fixtures.bidSubmitted(UUID.randomUUID(), bidId, organisation, "Marker"));

        await().atMost(PATIENCE).untilAsserted(() -> Fixtures.asPartner(organisation)
                .get("/api/v1/notifications").then().statusCode(200)
                .body("items.subject", hasItem("Bid received: Marker")));

        Fixtures.asPartner(organisation).queryParam("bidId", bidId).get("/api/v1/notifications").then()
                .statusCode(200).body("total", equalTo(2));
        assertEquals(1, count("SELECT count(*) FROM notification WHERE source_event_id = :id", eventId));
        assertEquals(1, count("SELECT count(*) FROM processed_event WHERE event_id = :id", eventId));
    }

    @Test
    void anotherOrganisationsPartnerSeesNoneOfThemButStaffDo() {
        String organisation = Fixtures.organisation();
        String other = Fixtures.organisation();
        UUID bidId = UUID.randomUUID();
        Fixtures.sendBidEvent(bidId, Fixtures.bidSubmitted(UUID.randomUUID(), bidId, organisation));
        awaitPartnerSees(organisation, 1);
        String id = Fixtures.asPartner(organisation).get("/api/v1/notifications").then().extract()
                .path("items[0].id");

        // Asking for the first organisation's by filter changes nothing for a partner.
        Fixtures.asPartner(other).queryParam("organisationId", organisation).get("/api/v1/notifications").then()
                .statusCode(200).body("total", equalTo(0)).body("items", empty());
        Fixtures.asPartner(other).queryParam("bidId", bidId).get("/api/v1/notifications").then()
                .statusCode(200).body("total", equalTo(0));
        Fixtures.asPartner(other).get("/api/v1/notifications/" + id).then().statusCode(404)
                .contentType("application/problem+json")
                .body("type", equalTo("https://grantflow.example/problems/not-found"));

        Fixtures.as("assessor").queryParam("organisationId", organisation).get("/api/v1/notifications").then()
                .statusCode(200).body("total", equalTo(1)).body("items[0].id", equalTo(id));
        Fixtures.as("assessor").get("/api/v1/notifications/" + id).then().statusCode(200)
                .body("organisationId", equalTo(organisation));
    }

    @Test
    void listsTheNewestFirstAndFiltersByBidAndKind() {
        String organisation = Fixtures.organisation();
        UUID firstBid = UUID.randomUUID();
        UUID secondBid = UUID.randomUUID();
        clock.set(Instant.parse("2016-11-18T09:00:00Z"));
        Fixtures.sendBidEvent(firstBid, Fixtures.bidSubmitted(UUID.randomUUID(), firstBid, organisation, "First"));
        awaitPartnerSees(organisation, 1);
        clock.advance(Duration.ofHours(1));
        Fixtures.sendBidEvent(secondBid,
                Fixtures.bidSubmitted(UUID.randomUUID(), secondBid, organisation, "Second"));
        awaitPartnerSees(organisation, 2);

        Fixtures.asPartner(organisation).get("/api/v1/notifications").then().statusCode(200)
                .body("items.subject", equalTo(List.of("Bid received: Second", "Bid received: First")))
                .body("items[0].createdAt", equalTo("2016-11-18T10:00:00Z"));
        Fixtures.asPartner(organisation).queryParam("size", 1).queryParam("page", 1).get("/api/v1/notifications")
                .then().statusCode(200).body("total", equalTo(2)).body("items.subject",
                        equalTo(List.of("Bid received: First")));
        Fixtures.as("admin").queryParam("bidId", firstBid).queryParam("kind", "BID_SUBMITTED")
                .get("/api/v1/notifications").then().statusCode(200)
                .body("total", equalTo(1)).body("items[0].bidId", equalTo(firstBid.toString()));
    }

    @Test
    void remembersButIgnoresEventTypesItDoesNotKnow() {
        String organisation = Fixtures.organisation();
        UUID bidId = UUID.randomUUID();
        UUID unknownId = UUID.randomUUID();
        Fixtures.sendBidEvent(bidId, Fixtures.eventOfType("grantflow.bid.assessed.v1", unknownId, bidId));
        Fixtures.sendBidEvent(bidId, Fixtures.bidSubmitted(UUID.randomUUID(), bidId, organisation, "Marker"));

        awaitPartnerSees(organisation, 1);
        assertEquals(1, count("SELECT count(*) FROM processed_event WHERE event_id = :id", unknownId));
        assertEquals(0, count("SELECT count(*) FROM notification WHERE source_event_id = :id", unknownId));
    }

    @Test
    void skipsUnreadableRecordsAndCarriesOnWithTheNext() {
        String organisation = Fixtures.organisation();
        UUID bidId = UUID.randomUUID();
        UUID badDataId = UUID.randomUUID();
        Fixtures.sendBidEvent(bidId, "this is not a CloudEvent");
        // A known type whose data lacks what a notification needs.
        Fixtures.sendBidEvent(bidId, Fixtures.eventOfType(Fixtures.BID_SUBMITTED, badDataId, bidId));
        Fixtures.sendBidEvent(bidId, Fixtures.bidSubmitted(UUID.randomUUID(), bidId, organisation, "Marker"));

        awaitPartnerSees(organisation, 1);
        Fixtures.asPartner(organisation).get("/api/v1/notifications").then()
                .body("items[0].subject", equalTo("Bid received: Marker"));
        assertEquals(0, count("SELECT count(*) FROM notification WHERE source_event_id = :id", badDataId));
    }

    private static void awaitPartnerSees(String organisation, int notifications) {
        await().atMost(PATIENCE).untilAsserted(() -> Fixtures.asPartner(organisation)
                .get("/api/v1/notifications").then().statusCode(200).body("total", equalTo(notifications)));
    }

    private long count(String sql, UUID id) {
        return QuarkusTransaction.requiringNew().call(
                () -> ((Number) em.createNativeQuery(sql).setParameter("id", id).getSingleResult()).longValue());
    }
}
