package org.grantflow.grants.idempotency;

import static org.grantflow.grants.Fixtures.as;
import static org.grantflow.grants.Fixtures.asPartner;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.grantflow.grants.Fixtures;
import org.grantflow.infra.testing.MutableClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

@QuarkusTest
class IdempotencyTest {

    @Inject
    Fixtures fixtures;
    @Inject
    MutableClock clock;
    @Inject
    EntityManager em;

    private UUID fund;
    private String round;

    @BeforeEach
    void anOpenRound() {
        clock.set(Instant.parse("2016-10-03T08:00:00Z"));
        fund = fixtures.fund("Road Safety Fund");
        round = Fixtures.round(fund, "2016-11-18T17:00:00");
    }

    @Test
    void aRetriedDraftWithTheSameKeyAnswersTheFirstDraftAndCreatesNothingNew() {
        String org = "district-" + UUID.randomUUID();
        String key = UUID.randomUUID().toString();
        Response first = draft(org, key, "12000.00");
        first.then().statusCode(201);
        draft(org, key, "12000.00").then().statusCode(201)
                .header("Location", equalTo(first.header("Location")))
                .body(equalTo(first.body().asString()));
        assertEquals(1, bidsOf(org));
        assertEquals(1L, QuarkusTransaction.requiringNew().call(() -> em.createQuery(
                "SELECT count(*) FROM OutboxEvent WHERE messageKey = :id", Long.class)
                .setParameter("id", first.path("id")).getSingleResult()));
    }

    @Test
    void refusesTheSameKeyWithADifferentBody() {
        String org = "district-" + UUID.randomUUID();
        String key = UUID.randomUUID().toString();
        draft(org, key, "12000.00").then().statusCode(201);
        draft(org, key, "12000.01").then().statusCode(422)
                .contentType("application/problem+json")
                .body("type", equalTo("https://grantflow.example/problems/idempotency-key-reused"));
        assertEquals(1, bidsOf(org));
    }

    @Test
    void scopesKeysToTheCaller() {
        String key = UUID.randomUUID().toString();
        String mine = "district-" + UUID.randomUUID();
        String theirs = "borough-" + UUID.randomUUID();
        draft(mine, key, "12000.00").then().statusCode(201);
        draft(theirs, key, "12000.00").then().statusCode(201);
        assertEquals(1, bidsOf(mine));
        assertEquals(1, bidsOf(theirs));
    }

    @Test
    void concurrentDuplicatesCreateOneBid() throws Exception {
        String org = "district-" + UUID.randomUUID();
        String key = UUID.randomUUID().toString();
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Callable<Response>> calls = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                calls.add(() -> draft(org, key, "9000.00"));
            }
            Set<String> ids = new HashSet<>();
            for (Future<Response> answer : pool.invokeAll(calls)) {
                Response response = answer.get();
                assertEquals(201, response.statusCode(), response.body().asString());
                ids.add(response.path("id"));
            }
            assertEquals(1, ids.size());
        } finally {
            pool.shutdown();
        }
        assertEquals(1, bidsOf(org));
    }

    @Test
    void aRetriedRoundWithTheSameKeyOpensOneRound() {
        String key = UUID.randomUUID().toString();
        Map<String, Object> body = Map.of("fundId", fund, "name", "Road Safety Fund round 2",
                "financialYear", "2016/17", "closesAt", "2016-12-20T12:00:00");
        String first = as("assessor").header("Idempotency-Key", key).body(body).post("/api/v1/rounds").then()
                .statusCode(201).extract().path("id");
        as("assessor").header("Idempotency-Key", key).body(body).post("/api/v1/rounds").then().statusCode(201)
                .body("id", equalTo(first));
        as("assessor").get("/api/v1/rounds?fundId=" + fund).then().body("total", equalTo(2));
    }

    private Response draft(String org, String key, String amount) {
        return asPartner(org).header("Idempotency-Key", key).body(Map.of("roundId", round,
                "title", "Vehicle-activated signs", "amountRequested", amount)).post("/api/v1/bids");
    }

    private long bidsOf(String org) {
        return QuarkusTransaction.requiringNew().call(() -> em.createQuery(
                "SELECT count(*) FROM Bid WHERE organisationId = :org", Long.class).setParameter("org", org)
                .getSingleResult());
    }
}
