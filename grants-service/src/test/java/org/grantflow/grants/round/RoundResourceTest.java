package org.grantflow.grants.round;

import static org.grantflow.grants.Fixtures.as;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
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
class RoundResourceTest {

    @Inject
    Fixtures fixtures;
    @Inject
    MutableClock clock;
    @Inject
    EntityManager em;

    @BeforeEach
    void autumn2016() {
        clock.set(Instant.parse("2016-10-03T08:00:00Z"));
    }

    @Test
    void opensARoundWithItsDeadlineInUkTimeAndAnnouncesIt() {
        UUID fund = fixtures.fund("Fly-Tipping Fund");
        String id = as("assessor").body(Map.of("fundId", fund, "name", "Fly-Tipping Fund 2016/17",
                "financialYear", "2016/17", "closesAt", "2016-11-18T17:00:00"))
                .post("/api/v1/rounds").then().statusCode(201)
                .header("Location", containsString("/api/v1/rounds/"))
                .body("status", equalTo("OPEN"))
                .body("closesAt", equalTo("2016-11-18T17:00:00Z"))
                .body("closesAtUkTime", equalTo("2016-11-18T17:00:00"))
                .extract().path("id");

        OutboxEvent event = QuarkusTransaction.requiringNew().call(() -> em
                .createQuery("FROM OutboxEvent WHERE messageKey = :id", OutboxEvent.class)
                .setParameter("id", id).getSingleResult());
        assertEquals("grantflow.round.opened.v1", event.type);
        assertEquals("grants.round.events", event.topic);
        EventContracts.assertValid(event.envelope);

        as("admin").get("/api/v1/rounds?status=OPEN&fundId=" + fund)
                .then().statusCode(200).body("items.id", hasItem(id)).body("total", equalTo(1));
    }

    @Test
    void storesASummerDeadlineAsBritishSummerTime() {
        clock.set(Instant.parse("2019-03-01T08:00:00Z"));
        UUID fund = fixtures.fund("Criminal Justice Innovation Fund");
        as("admin").body(Map.of("fundId", fund, "name", "Criminal Justice Innovation Fund April 2019",
                "financialYear", "2019/20", "closesAt", "2019-04-10T17:00"))
                .post("/api/v1/rounds").then().statusCode(201)
                .body("closesAt", equalTo("2019-04-10T16:00:00Z"));
    }

    @Test
    void refusesARoundForAnUnknownFundAndWritesNothing() {
        long before = count("Round") + count("OutboxEvent");
        UUID unknown = UUID.randomUUID();
        as("assessor").body(Map.of("fundId", unknown, "name", "Orphan round", "financialYear", "2016/17",
                "closesAt", "2016-11-18T17:00:00"))
                .post("/api/v1/rounds").then().statusCode(422)
                .contentType("application/problem+json")
                .body("type", equalTo("https://grantflow.example/problems/unknown-fund"))
                .body("violations[0].field", equalTo("fundId"))
                .body("violations[0].code", equalTo("UNKNOWN_FUND"));
        assertEquals(before, count("Round") + count("OutboxEvent"));
    }

    @Test
    void refusesAClosingDateThatHasPassed() {
        UUID fund = fixtures.fund("Road Safety Fund");
        as("assessor").body(Map.of("fundId", fund, "name", "Late round", "financialYear", "2016/17",
                "closesAt", "2016-10-03T08:59:59"))
                .post("/api/v1/rounds").then().statusCode(422)
                .body("violations[0].field", equalTo("closesAt"));
    }

    @Test
    void namesEveryInvalidFieldOfAMalformedRound() {
        as("assessor").body(Map.of("name", "", "financialYear", "2016-17"))
                .post("/api/v1/rounds").then().statusCode(400)
                .contentType("application/problem+json")
                .body("violations.field", hasItems("fundId", "name", "financialYear",
                        "closesAt"));
    }

    @Test
    void refusesAFinancialYearWhoseYearsDoNotFollowEachOther() {
        UUID fund = fixtures.fund("Volunteering Fund");
        as("assessor").body(Map.of("fundId", fund, "name", "Odd year", "financialYear", "2016/18",
                "closesAt", "2016-11-18T17:00:00"))
                .post("/api/v1/rounds").then().statusCode(422)
                .body("violations[0].field", equalTo("financialYear"));
    }

    @Test
    void letsAPartnerReadARoundButAnswersNotFoundForAnUnknownOne() {
        UUID fund = fixtures.fund("Community Safety Fund");
        String id = Fixtures.round(fund, "2016-11-30T23:59:00");
        Fixtures.asPartner("org-reader").get("/api/v1/rounds/" + id).then().statusCode(200)
                .body("fundId", equalTo(fund.toString()));
        Fixtures.asPartner("org-reader").get("/api/v1/rounds/" + UUID.randomUUID()).then().statusCode(404)
                .body("type", equalTo("https://grantflow.example/problems/not-found"));
    }

    private long count(String entity) {
        return QuarkusTransaction.requiringNew()
                .call(() -> em.createQuery("SELECT count(*) FROM " + entity, Long.class).getSingleResult());
    }
}
