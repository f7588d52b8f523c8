package org.grantflow.grants.bid;

import static org.grantflow.grants.Fixtures.asPartner;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.grantflow.grants.Fixtures;
import org.grantflow.grants.outbox.OutboxEvent;
import org.grantflow.infra.testing.EventContracts;
import org.grantflow.infra.testing.MutableClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class BidLifecycleTest {

    @Inject
    Fixtures fixtures;
    @Inject
    MutableClock clock;
    @Inject
    EntityManager em;

    private String round;
    private String org;

    @BeforeEach
    void anOpenRound() {
        clock.set(Instant.parse("2016-10-03T08:00:00Z"));
        round = Fixtures.round(fixtures.fund("Road Safety Fund"), "2016-11-18T17:00:00");
        org = "district-" + UUID.randomUUID();
    }

    @Test
    void editsADraftWhenIfMatchNamesItsCurrentVersion() {
        String id = draft();
        String etag = asPartner(org).get("/api/v1/bids/" + id).then().statusCode(200).extract().header("ETag");
        asPartner(org).header("If-Match", etag).body(details("8000.00")).put("/api/v1/bids/" + id).then()
                .statusCode(200).header("ETag", equalTo("\"1\""))
                .body("amountRequested", equalTo("8000.00")).body("version", equalTo(1));
    }

    @Test
    void refusesAnEditWithAStaleVersion() {
        String id = draft();
        asPartner(org).header("If-Match", "\"0\"").body(details("8000.00")).put("/api/v1/bids/" + id).then()
                .statusCode(200);
        asPartner(org).header("If-Match", "\"0\"").body(details("9000.00")).put("/api/v1/bids/" + id).then()
                .statusCode(409).contentType("application/problem+json")
                .body("type", equalTo("https://grantflow.example/problems/stale-version"));
        asPartner(org).get("/api/v1/bids/" + id).then().body("amountRequested", equalTo("8000.00"));
    }

    @Test
    void asksForIfMatchWhenItIsMissing() {
        String id = draft();
        asPartner(org).body(details("8000.00")).put("/api/v1/bids/" + id).then().statusCode(428)
                .contentType("application/problem+json")
                .body("type", equalTo("https://grantflow.example/problems/if-match-required"));
    }

    @Test
    void refusesToEditAnotherOrganisationsBidAsIfItDidNotExist() {
        String id = draft();
        asPartner("someone-else").header("If-Match", "\"0\"").body(details("8000.00")).put("/api/v1/bids/" + id)
                .then().statusCode(404);
    }

    @Test
    void refusesToEditASubmittedBid() {
        String id = draft();
        asPartner(org).post("/api/v1/bids/" + id + "/submit").then().statusCode(200);
        String etag = asPartner(org).get("/api/v1/bids/" + id).then().extract().header("ETag");
        asPartner(org).header("If-Match", etag).body(details("8000.00")).put("/api/v1/bids/" + id).then()
                .statusCode(409).body("type", equalTo("https://grantflow.example/problems/bid-not-draft"));
    }

    @Test
    void withdrawsASubmittedBidAndRecordsEveryChangeInItsHistory() {
        String id = draft();
        clock.set(Instant.parse("2016-11-01T10:00:00Z"));
        asPartner(org).post("/api/v1/bids/" + id + "/submit").then().statusCode(200);
        clock.set(Instant.parse("2016-11-02T11:00:00Z"));
        asPartner(org).body(Map.of("reason", "The project found other funding"))
                .post("/api/v1/bids/" + id + "/withdraw").then().statusCode(200)
                .body("status", equalTo("WITHDRAWN"));

        asPartner(org).get("/api/v1/bids/" + id + "/history").then().statusCode(200)
                .body("from", contains(nullValue(), equalTo("DRAFT"), equalTo("SUBMITTED")))
                .body("to", contains("DRAFT", "SUBMITTED", "WITHDRAWN"))
                .body("at", contains("2016-10-03T08:00:00Z", "2016-11-01T10:00:00Z", "2016-11-02T11:00:00Z"))
                .body("[2].reason", equalTo("The project found other funding"))
                .body("[2].by", equalTo(asPartner(org).get("/api/v1/bids/" + id + "/history").path("[0].by")));
        OutboxEvent event = QuarkusTransaction.requiringNew().call(() -> em.createQuery(
                "FROM OutboxEvent WHERE messageKey = :id AND type = 'grantflow.bid.withdrawn.v1'", OutboxEvent.class)
                .setParameter("id", id).getSingleResult());
        EventContracts.assertValid(event.envelope);
    }

    @Test
    void refusesToWithdrawABidTwice() {
        String id = draft();
        asPartner(org).post("/api/v1/bids/" + id + "/withdraw").then().statusCode(200);
        asPartner(org).post("/api/v1/bids/" + id + "/withdraw").then().statusCode(409)
                .body("type", equalTo("https://grantflow.example/problems/bid-not-withdrawable"));
    }

    @Test
    void hidesAnotherOrganisationsHistory() {
        String id = draft();
        asPartner("someone-else").get("/api/v1/bids/" + id + "/history").then().statusCode(404);
    }

    private String draft() {
        Map<String, Object> body = new HashMap<>(details("7000.00"));
        body.put("roundId", round);
        return asPartner(org).body(body).post("/api/v1/bids").then().statusCode(201).extract().path("id");
    }

    private static Map<String, Object> details(String amount) {
        return Map.of("title", "Vehicle-activated signs on the A25", "amountRequested", amount);
    }
}
