package org.grantflow.grants.bid;

import static org.grantflow.grants.Fixtures.as;
import static org.grantflow.grants.Fixtures.asPartner;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.grantflow.grants.Fixtures;
import org.grantflow.grants.outbox.OutboxRelay;
import org.grantflow.infra.testing.EventContracts;
import org.grantflow.infra.testing.MutableClock;
import org.grantflow.infra.testing.TestKafka;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class BidResourceTest {

    @Inject
    OutboxRelay relay;
    @Inject
    Fixtures fixtures;
    @Inject
    MutableClock clock;
    @Inject
    EntityManager em;

    private String round;

    @BeforeEach
    void anOpenFlyTippingRound() {
        clock.set(Instant.parse("2016-10-03T08:00:00Z"));
        round = Fixtures.round(fixtures.fund("Fly-Tipping Fund"), "2016-11-18T17:00:00");
    }

    @Test
    void aPartnerDraftsAndSubmitsABidAndTheSubmissionIsPublished() {
        String org = "district-" + UUID.randomUUID();
        String id = draft(org, "12000.00")
                .then().statusCode(201)
                .body("status", equalTo("DRAFT"))
                .body("organisationId", equalTo(org))
                .body("amountRequested", equalTo("12000.00"))
                .body("submittedAt", nullValue())
                .extract().path("id");

        clock.set(Instant.parse("2016-11-18T16:59:59Z"));
        asPartner(org).post("/api/v1/bids/" + id + "/submit").then().statusCode(200)
                .body("status", equalTo("SUBMITTED"))
                .body("submittedAt", equalTo("2016-11-18T16:59:59Z"));

        relay.relay();
        ConsumerRecord<String, String> event = TestKafka.find("grants.bid.events",
                r -> r.key().equals(id) && r.value().contains("grantflow.bid.submitted.v1"), Duration.ofSeconds(30))
                .orElseThrow();
        EventContracts.assertValid(event.value());
        assertEquals("grantflow.bid.submitted.v1",
                io.restassured.path.json.JsonPath.from(event.value()).getString("type"));
        assertEquals(org, io.restassured.path.json.JsonPath.from(event.value()).getString("data.organisationId"));
    }

    @Test
    void refusesASubmissionOneSecondAfterTheDeadlineInUkTime() {
        String org = "district-" + UUID.randomUUID();
        String id = draft(org, "5000.00").then().statusCode(201).extract().path("id");
        clock.set(Instant.parse("2016-11-18T17:00:01Z"));
        asPartner(org).post("/api/v1/bids/" + id + "/submit").then().statusCode(422)
                .contentType("application/problem+json")
                .body("type", equalTo("https://grantflow.example/problems/round-closed"))
                .body("violations[0].code", equalTo("DEADLINE"))
                .body("violations[0].message", equalTo(
                        "The round 'Fly-Tipping Fund 2016/17' closed at 17:00 on Friday 18 November 2016 (UK time); "
                                + "this bid came at 17:00:01 on Friday 18 November 2016"));
        asPartner(org).get("/api/v1/bids/" + id).then().body("status", equalTo("DRAFT"));
    }

    @Test
    void refusesToSubmitABidTwice() {
        String org = "district-" + UUID.randomUUID();
        String id = draft(org, "5000.00").then().statusCode(201).extract().path("id");
        asPartner(org).post("/api/v1/bids/" + id + "/submit").then().statusCode(200);
        asPartner(org).post("/api/v1/bids/" + id + "/submit").then().statusCode(409)
                .body("type", equalTo("https://grantflow.example/problems/bid-not-draft"));
    }

    @Test
    void takesADraftSubmittedManyTimesAtOnceExactlyOnce() throws Exception {
        String org = "district-" + UUID.randomUUID();
        String id = draft(org, "5000.00").then().statusCode(201).extract().path("id");

        List<Callable<Integer>> clicks = Collections.nCopies(8,
                () -> asPartner(org).post("/api/v1/bids/" + id + "/submit").then().extract().statusCode());
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Integer> answers = new ArrayList<>();
        try {
            for (Future<Integer> answer : pool.invokeAll(clicks)) {
                answers.add(answer.get());
            }
        } finally {
            pool.shutdownNow();
        }

        assertEquals(1, Collections.frequency(answers, 200), "answers: " + answers);
        assertEquals(7, Collections.frequency(answers, 409), "answers: " + answers);
        asPartner(org).get("/api/v1/bids/" + id).then().header("ETag", "\"1\"").body("status", equalTo("SUBMITTED"));
        asPartner(org).get("/api/v1/bids/" + id + "/history").then()
                .body("to", contains("DRAFT", "SUBMITTED"));
        long events = QuarkusTransaction.requiringNew().call(() -> (Long) em.createQuery(
                "SELECT count(e) FROM OutboxEvent e WHERE e.messageKey = :bid AND e.type = :type")
                .setParameter("bid", id).setParameter("type", "grantflow.bid.submitted.v1").getSingleResult());
        assertEquals(1, events);
    }

    @Test
    void hidesOneOrganisationsBidsFromAnother() {
        String mine = "district-" + UUID.randomUUID();
        String theirs = "borough-" + UUID.randomUUID();
        String id = draft(mine, "7500.00").then().statusCode(201).extract().path("id");

        asPartner(theirs).get("/api/v1/bids/" + id).then().statusCode(404);
        asPartner(theirs).post("/api/v1/bids/" + id + "/submit").then().statusCode(404);
        asPartner(theirs).get("/api/v1/bids?organisationId=" + mine).then().statusCode(200)
                .body("items", hasSize(0));
        asPartner(mine).get("/api/v1/bids?roundId=" + round).then().statusCode(200)
                .body("items.id", contains(id));
        as("assessor").get("/api/v1/bids?organisationId=" + mine).then().statusCode(200)
                .body("items.id", contains(id)).body("total", equalTo(1));
    }

    @Test
    void ignoresServerOwnedFieldsInTheRequestBody() {
        String org = "district-" + UUID.randomUUID();
        Map<String, Object> body = new HashMap<>(bid("6000.00"));
        body.put("status", "AWARDED");
        body.put("organisationId", "someone-else");
        asPartner(org).body(body).post("/api/v1/bids").then().statusCode(201)
                .body("status", equalTo("DRAFT")).body("organisationId", equalTo(org));
    }

    @Test
    void namesTheFieldWhenAnAmountHasMoreThanTwoDecimals() {
        draft("district-x", "5000.001").then().statusCode(400)
                .contentType("application/problem+json")
                .body("violations[0].field", equalTo("amountRequested"));
    }

    @Test
    void answersMalformedJsonWithProblemDetails() {
        asPartner("district-x").body("{\"roundId\": ").post("/api/v1/bids").then().statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("https://grantflow.example/problems/malformed-request"));
    }

    @Test
    void namesTheFieldWhenAValueHasTheWrongType() {
        Map<String, Object> body = new HashMap<>(bid("6000.00"));
        body.put("roundId", "not-a-uuid");
        asPartner("district-x").body(body).post("/api/v1/bids").then().statusCode(400)
                .contentType("application/problem+json")
                .body("violations[0].field", equalTo("roundId"));
    }

    @Test
    void refusesABidForAnUnknownRound() {
        Map<String, Object> body = new HashMap<>(bid("6000.00"));
        body.put("roundId", UUID.randomUUID().toString());
        asPartner("district-x").body(body).post("/api/v1/bids").then().statusCode(422)
                .body("violations[0].field", equalTo("roundId"));
    }

    private io.restassured.response.Response draft(String organisation, String amount) {
        return asPartner(organisation).body(bid(amount)).post("/api/v1/bids");
    }

    private Map<String, Object> bid(String amount) {
        return Map.of("roundId", round, "title", "Cameras at fly-tipping hot spots",
                "summary", "Deterrent cameras on two lay-bys", "amountRequested", amount,
                "totalProjectCost", "16000.00");
    }
}
