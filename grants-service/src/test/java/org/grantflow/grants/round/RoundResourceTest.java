package org.grantflow.grants.round;

import static org.grantflow.grants.Fixtures.as;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
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
    @Inject
    RoundService rounds;

    @BeforeEach
    void autumn2016() {
        clock.set(Instant.parse("2016-10-03T08:00:00Z"));
    }

    @Test
    void draftsARoundThatOnlyOfficersSeeUntilItOpens() {
        UUID fund = fixtures.fund("Fly-Tipping Fund");
        String id = as("assessor").body(flyTipping(fund)).post("/api/v1/rounds").then().statusCode(201)
                .header("Location", containsString("/api/v1/rounds/"))
                .header("ETag", equalTo("\"0\""))
                .body("status", equalTo("DRAFT"))
                .body("acceptingBids", equalTo(false))
                .body("opensAt", nullValue())
                .extract().path("id");
        assertEquals(List.of(), events(id));

        Fixtures.asPartner("org-peek").get("/api/v1/rounds/" + id).then().statusCode(404);
        Fixtures.asPartner("org-peek").get("/api/v1/rounds?fundId=" + fund).then().body("total", equalTo(0));
        Fixtures.asPartner("org-peek").get("/api/v1/rounds?status=DRAFT").then().body("total", equalTo(0));
        as("admin").get("/api/v1/rounds?status=DRAFT&fundId=" + fund).then().body("items.id", contains(id));
        Fixtures.asPartner("org-peek").body(Map.of("roundId", id, "title", "Too early", "amountRequested", "6000.00"))
                .post("/api/v1/bids").then().statusCode(422)
                .body("type", equalTo("https://grantflow.example/problems/round-closed"));
        Fixtures.asPartner("org-peek").body(Map.of("title", "Peek", "amountRequested", "6000.00"))
                .post("/api/v1/rounds/" + id + "/eligibility-check").then().statusCode(404);
    }

    @Test
    void opensARoundWithItsDeadlineInUkTimeAndAnnouncesItOnce() {
        UUID fund = fixtures.fund("Fly-Tipping Fund");
        String id = Fixtures.draftRound(flyTipping(fund));
        as("assessor").post("/api/v1/rounds/" + id + "/open").then().statusCode(200)
                .body("status", equalTo("OPEN"))
                .body("acceptingBids", equalTo(true))
                .body("opensAt", equalTo("2016-10-03T08:00:00Z"))
                .body("closesAt", equalTo("2016-11-18T17:00:00Z"))
                .body("closesAtUkTime", equalTo("2016-11-18T17:00:00"))
                .body("nextClosingDate.closesAtUkTime", equalTo("2016-11-18T17:00:00"));
        as("assessor").post("/api/v1/rounds/" + id + "/open").then().statusCode(200).body("status", equalTo("OPEN"));

        List<OutboxEvent> events = events(id);
        assertEquals(1, events.size(), "a repeated open announces nothing new");
        assertEquals("grantflow.round.opened.v1", events.get(0).type);
        assertEquals("grants.round.events", events.get(0).topic);
        EventContracts.assertValid(events.get(0).envelope);

        as("admin").get("/api/v1/rounds?status=OPEN&fundId=" + fund)
                .then().statusCode(200).body("items.id", hasItem(id)).body("total", equalTo(1));
        Fixtures.asPartner("org-reader").get("/api/v1/rounds?fundId=" + fund).then().body("items.id", contains(id));
    }

    @Test
    void editsADraftWithIfMatchAndFixesItsTermsOnceOpen() {
        UUID fund = fixtures.fund("Road Safety Fund");
        String id = Fixtures.draftRound(flyTipping(fund));
        Map<String, Object> edited = new HashMap<>(flyTipping(fund));
        edited.put("name", "Road Safety Fund round 2");
        edited.put("pot", "40000.00");
        edited.put("rules", Map.of("minimumAmount", "5000.00"));
        Map<String, Object> smallBid = Map.of("title", "Signs", "amountRequested", "4000.00");
        as("assessor").body(smallBid).post("/api/v1/rounds/" + id + "/eligibility-check").then().statusCode(200)
                .body("eligible", equalTo(true));

        as("assessor").body(edited).put("/api/v1/rounds/" + id).then().statusCode(428)
                .body("type", equalTo("https://grantflow.example/problems/if-match-required"));
        as("assessor").header("If-Match", "\"0\"").body(edited).put("/api/v1/rounds/" + id).then().statusCode(200)
                .header("ETag", equalTo("\"1\"")).body("name", equalTo("Road Safety Fund round 2"))
                .body("pot", equalTo("40000.00"));
        as("assessor").body(smallBid).post("/api/v1/rounds/" + id + "/eligibility-check").then().statusCode(200)
                .body("eligible", equalTo(false)).body("violations.code", contains("MINIMUM_AMOUNT"));
        as("assessor").header("If-Match", "\"0\"").body(flyTipping(fund)).put("/api/v1/rounds/" + id).then()
                .statusCode(409).body("type", equalTo("https://grantflow.example/problems/stale-version"));

        Fixtures.open(id);
        as("assessor").header("If-Match", "\"2\"").body(flyTipping(fund)).put("/api/v1/rounds/" + id).then()
                .statusCode(409).body("type", equalTo("https://grantflow.example/problems/round-not-draft"));
        as("assessor").get("/api/v1/rounds/" + id).then().body("name", equalTo("Road Safety Fund round 2"));
        Fixtures.asPartner("org-a").header("If-Match", "\"2\"").body(edited).put("/api/v1/rounds/" + id).then()
                .statusCode(403);
    }

    @Test
    void takesBidsFromTheOpeningTimeItNames() {
        UUID fund = fixtures.fund("Road Safety Fund");
        Map<String, Object> body = new HashMap<>(flyTipping(fund));
        body.put("opensAt", "2016-12-01T09:00:00");
        body.put("closesAt", "2017-01-31T17:00:00");
        String id = Fixtures.open(Fixtures.draftRound(body));

        as("assessor").get("/api/v1/rounds/" + id).then().body("status", equalTo("OPEN"))
                .body("opensAt", equalTo("2016-12-01T09:00:00Z")).body("acceptingBids", equalTo(false));
        clock.set(Instant.parse("2016-12-01T09:00:00Z"));
        as("assessor").get("/api/v1/rounds/" + id).then().body("acceptingBids", equalTo(true));
    }

    @Test
    void refusesToOpenADraftWhoseClosingDateHasPassedMeanwhile() {
        String id = Fixtures.draftRound(flyTipping(fixtures.fund("Road Safety Fund")));
        clock.set(Instant.parse("2016-11-18T17:00:01Z"));
        as("assessor").post("/api/v1/rounds/" + id + "/open").then().statusCode(422)
                .body("type", equalTo("https://grantflow.example/problems/closing-date-passed"))
                .body("violations[0].field", equalTo("closesAt"));
        as("assessor").get("/api/v1/rounds/" + id).then().body("status", equalTo("DRAFT"));
        assertEquals(List.of(), events(id));
    }

    @Test
    void anOfficerClosesARoundEarlyAndItTakesNoMoreBids() {
        String id = Fixtures.round(fixtures.fund("Fly-Tipping Fund"), "2016-11-18T17:00:00");
        String org = "district-" + UUID.randomUUID();
        String bid = Fixtures.asPartner(org).body(Map.of("roundId", id, "title", "Cameras", "amountRequested", "6000.00"))
                .post("/api/v1/bids").then().statusCode(201).extract().path("id");
        Fixtures.asPartner(org).post("/api/v1/bids/" + bid + "/submit").then().statusCode(200);

        clock.set(Instant.parse("2016-11-01T10:30:00Z"));
        Fixtures.asPartner(org).body(Map.of("note", "x")).post("/api/v1/rounds/" + id + "/close").then().statusCode(403);
        as("assessor").body(Map.of("note", "The pot has been fully allocated")).post("/api/v1/rounds/" + id + "/close")
                .then().statusCode(200).body("status", equalTo("CLOSED"))
                .body("closedAt", equalTo("2016-11-01T10:30:00Z"))
                .body("closeNote", equalTo("The pot has been fully allocated"))
                .body("acceptingBids", equalTo(false)).body("nextClosingDate", nullValue());
        as("assessor").post("/api/v1/rounds/" + id + "/close").then().statusCode(200).body("status", equalTo("CLOSED"));

        OutboxEvent closed = closedEvent(id);
        EventContracts.assertValid(closed.envelope);
        assertTrue(closed.envelope.contains("\"reason\":\"CLOSED_BY_OFFICER\""), closed.envelope);
        assertTrue(closed.envelope.contains("\"submittedBids\":1"), closed.envelope);
        assertEquals(2, events(id).size(), "opened once, closed once");

        Fixtures.asPartner(org).body(Map.of("roundId", id, "title", "Too late", "amountRequested", "6000.00"))
                .post("/api/v1/bids").then().statusCode(422)
                .body("type", equalTo("https://grantflow.example/problems/round-closed"));
        as("assessor").post("/api/v1/rounds/" + id + "/open").then().statusCode(409);
        String draft = Fixtures.draftRound(flyTipping(fixtures.fund("Road Safety Fund")));
        as("assessor").post("/api/v1/rounds/" + draft + "/close").then().statusCode(409)
                .body("type", equalTo("https://grantflow.example/problems/round-not-open"));
    }

    @Test
    void closesARoundByItselfOnceItsDeadlineAndGracePeriodHavePassed() {
        Map<String, Object> body = new HashMap<>(flyTipping(fixtures.fund("Fly-Tipping Fund")));
        body.put("gracePeriod", "PT15M");
        String id = Fixtures.open(Fixtures.draftRound(body));

        clock.set(Instant.parse("2016-11-18T17:15:00Z"));
        rounds.closeDueRounds();
        as("assessor").get("/api/v1/rounds/" + id).then().body("status", equalTo("OPEN"))
                .body("acceptingBids", equalTo(true));

        clock.set(Instant.parse("2016-11-18T17:15:00.000001Z"));
        rounds.closeDueRounds();
        as("assessor").get("/api/v1/rounds/" + id).then().body("status", equalTo("CLOSED"))
                .body("closedAt", equalTo("2016-11-18T17:15:00Z"));
        OutboxEvent closed = closedEvent(id);
        EventContracts.assertValid(closed.envelope);
        assertTrue(closed.envelope.contains("\"reason\":\"DEADLINE_PASSED\""), closed.envelope);
        assertTrue(closed.envelope.contains("\"submittedBids\":0"), closed.envelope);
        rounds.closeDueRounds();
        assertEquals(2, events(id).size(), "a closed round is announced once");
    }

    @Test
    void aRollingRoundTakesBidsAllAlongAndNamesTheNextClosingDate() {
        clock.set(Instant.parse("2019-03-01T09:00:00Z"));
        Map<String, Object> body = new HashMap<>(Map.of("fundId", fixtures.fund("Criminal Justice Innovation Fund"),
                "name", "Criminal Justice Innovation Fund 2019/20", "financialYear", "2019/20",
                "closingDates", List.of("2019-04-10T17:00:00", "2019-07-10T17:00:00"),
                "closesAt", "2019-10-10T17:00:00"));
        String id = Fixtures.open(Fixtures.draftRound(body));

        as("assessor").get("/api/v1/rounds/" + id).then()
                .body("rolling", equalTo(true))
                .body("closingDates.closesAtUkTime", contains("2019-04-10T17:00:00", "2019-07-10T17:00:00",
                        "2019-10-10T17:00:00"))
                .body("closingDates[0].closesAt", equalTo("2019-04-10T16:00:00Z"))
                .body("nextClosingDate.closesAtUkTime", equalTo("2019-04-10T17:00:00"))
                .body("rulesInWords[0]", containsString("rolling round"));
        OutboxEvent opened = events(id).get(0);
        EventContracts.assertValid(opened.envelope);
        assertTrue(opened.envelope.contains("\"closesAtUkTime\":\"2019-04-10T17:00:00\""), opened.envelope);

        clock.set(Instant.parse("2019-04-10T16:00:01Z"));
        as("assessor").get("/api/v1/rounds/" + id).then().body("acceptingBids", equalTo(true))
                .body("nextClosingDate.closesAtUkTime", equalTo("2019-07-10T17:00:00"));
        rounds.closeDueRounds();
        String org = "cjb-" + UUID.randomUUID();
        String bid = Fixtures.asPartner(org).body(Map.of("roundId", id, "title", "Restorative justice hub",
                "amountRequested", "30000.00")).post("/api/v1/bids").then().statusCode(201).extract().path("id");
        Fixtures.asPartner(org).post("/api/v1/bids/" + bid + "/submit").then().statusCode(200)
                .body("status", equalTo("SUBMITTED"));
    }

    @Test
    void refusesRollingClosingDatesOutOfOrder() {
        clock.set(Instant.parse("2019-03-01T09:00:00Z"));
        as("assessor").body(Map.of("fundId", fixtures.fund("Criminal Justice Innovation Fund"),
                "name", "Out of order", "financialYear", "2019/20",
                "closingDates", List.of("2019-07-10T17:00:00", "2019-04-10T17:00:00"),
                "closesAt", "2019-10-10T17:00:00")).post("/api/v1/rounds").then().statusCode(422)
                .body("type", equalTo("https://grantflow.example/problems/invalid-round"))
                .body("violations[0].field", equalTo("closingDates"))
                .body("violations[0].code", equalTo("CLOSING_DATES_ORDER"));
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
                .body("type", equalTo("https://grantflow.example/problems/invalid-round"))
                .body("violations[0].field", equalTo("closesAt"))
                .body("violations[0].code", equalTo("CLOSES_AT_PASSED"));
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

    private static Map<String, Object> flyTipping(UUID fund) {
        return Map.of("fundId", fund, "name", "Fly-Tipping Fund 2016/17", "financialYear", "2016/17",
                "closesAt", "2016-11-18T17:00:00");
    }

    private List<OutboxEvent> events(String roundId) {
        return QuarkusTransaction.requiringNew().call(() -> em
                .createQuery("FROM OutboxEvent WHERE messageKey = :id ORDER BY position", OutboxEvent.class)
                .setParameter("id", roundId).getResultList());
    }

    private OutboxEvent closedEvent(String roundId) {
        return events(roundId).stream().filter(e -> e.type.equals("grantflow.round.closed.v1")).findFirst()
                .orElseThrow(() -> new AssertionError("no round.closed event for " + roundId));
    }

    private long count(String entity) {
        return QuarkusTransaction.requiringNew()
                .call(() -> em.createQuery("SELECT count(*) FROM " + entity, Long.class).getSingleResult());
    }
}
