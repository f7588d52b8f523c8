package org.grantflow.launcher;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.grantflow.infra.Tokens;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/**
 * The packaged services working together as {@code deploy/grantflow up} runs them: separate JVMs
 * talking over HTTP, Kafka and their own databases. A fund created in funds-service reaches
 * grants-service, a bid submitted there reaches the partner's notifications.
 *
 * <p>Runs against the system {@link RunningGrantflow} shares with the other tests of the JVM.
 */
@ExtendWith(RunningGrantflow.class)
class GrantflowEndToEndIT {

    /** Events cross the broker through each service's outbox; this is generous for a busy machine. */
    private static final Duration EVENTUALLY = Duration.ofSeconds(60);
    private static final Duration POLL = Duration.ofMillis(500);
    private static final ZoneId UK = ZoneId.of("Europe/London");
    private static final DateTimeFormatter LOCAL_DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss");

    private static GrantflowSystem system;
    private static Tokens tokens;

    @BeforeAll
    static void connect(GrantflowSystem running) {
        system = running;
        tokens = system.tokens();
    }

    @Test
    void aBidSubmittedForAFundReachesThePartnersNotifications() {
        String fundId = createFund();
        awaitFundKnownToGrants(fundId);
        String roundId = createRound(fundId);
        String organisationId = UUID.randomUUID().toString();
        String bidId = createDraftBid(organisationId, roundId);

        as(tokens.partner(organisationId), GrantflowService.GRANTS)
                .post("/api/v1/bids/{id}/submit", bidId)
                .then().log().ifValidationFails()
                .statusCode(200)
                .body("id", equalTo(bidId))
                .body("status", equalTo("SUBMITTED"));

        awaitSubmissionNotified(organisationId, bidId);
        as(tokens.partner(UUID.randomUUID().toString()), GrantflowService.NOTIFICATIONS)
                .get("/api/v1/notifications")
                .then().log().ifValidationFails()
                .statusCode(200)
                .body("items", empty())
                .body("total", equalTo(0));
    }

    /** The award saga across the three services: grants asks, funds commits or refuses, notifications tells. */
    @Test
    void anAwardCommitsTheFundsMoneyOnceAndAnAwardTheFundCannotCoverGoesBackToAssessment() {
        String fundId = createFund("2017/18", "20000.00");
        awaitFundKnownToGrants(fundId);
        String roundId = createRound(fundId);
        String first = UUID.randomUUID().toString();
        String second = UUID.randomUUID().toString();
        String awarded = submittedBid(first, roundId);
        String refused = submittedBid(second, roundId);

        award(awarded, "12000.00");
        awaitBidStatus(first, awarded, "AWARDED");
        as(tokens.staff("finance"), GrantflowService.FUNDS)
                .get("/api/v1/funds/{id}/balances", fundId)
                .then().log().ifValidationFails()
                .statusCode(200)
                .body("[0].financialYear", equalTo("2017/18"))
                .body("[0].committed", equalTo("12000.00"))
                .body("[0].available", equalTo("8000.00"));
        awaitNotified(first, awarded, "AWARD_CONFIRMED");

        // £8,000.00 is left in 2017/18: the whole award is refused and the bid goes back to its assessors.
        award(refused, "12000.00");
        awaitBidStatus(second, refused, "UNDER_ASSESSMENT");
        as(tokens.partner(second), GrantflowService.GRANTS)
                .get("/api/v1/bids/{id}/history", refused)
                .then().log().ifValidationFails()
                .statusCode(200)
                .body("reason", hasItem(containsString("£8,000.00 available in 2017/18")));
        as(tokens.staff("finance"), GrantflowService.FUNDS)
                .get("/api/v1/funds/{id}/balances", fundId)
                .then()
                .body("[0].committed", equalTo("12000.00"));
    }

    @Test
    void aRoundForAFundGrantsServiceDoesNotKnowIsRefused() {
        as(tokens.staff("assessor"), GrantflowService.GRANTS)
                .contentType(ContentType.JSON)
                .body(roundBody(UUID.randomUUID().toString()))
                .post("/api/v1/rounds")
                .then().log().ifValidationFails()
                .statusCode(422);
    }

    private static String createFund() {
        return createFund("2019/20", "750000.00");
    }

    private static String createFund(String financialYear, String budget) {
        Map<String, Object> fund = Map.of(
                "code", "RSF-" + UUID.randomUUID().toString().substring(0, 6).toUpperCase(),
                "name", "Road Safety Fund",
                "description", "Projects that make local roads safer.",
                "fundingSource", "RESERVES",
                "ringFenced", true,
                "budgets", List.of(Map.of("financialYear", financialYear, "amount", budget)));
        return as(tokens.staff("finance"), GrantflowService.FUNDS)
                .contentType(ContentType.JSON)
                .body(fund)
                .post("/api/v1/funds")
                .then().log().ifValidationFails()
                .statusCode(201)
                .body("id", notNullValue())
                .extract().path("id");
    }

    /** grants-service learns of funds from funds-service's events, not by asking it. */
    private static void awaitFundKnownToGrants(String fundId) {
        await("fund " + fundId + " listed by grants-service").atMost(EVENTUALLY).pollInterval(POLL)
                .untilAsserted(() -> as(tokens.staff("assessor"), GrantflowService.GRANTS)
                        .get("/api/v1/funds")
                        .then()
                        .statusCode(200)
                        .body("items.id", hasItem(fundId)));
    }

    /** Drafts a round and opens it, as an officer does. */
    private static String createRound(String fundId) {
        String id = as(tokens.staff("assessor"), GrantflowService.GRANTS)
                .contentType(ContentType.JSON)
                .body(roundBody(fundId))
                .post("/api/v1/rounds")
                .then().log().ifValidationFails()
                .statusCode(201)
                .body("status", equalTo("DRAFT"))
                .extract().path("id");
        as(tokens.staff("assessor"), GrantflowService.GRANTS)
                .post("/api/v1/rounds/" + id + "/open")
                .then().log().ifValidationFails()
                .statusCode(200)
                .body("status", equalTo("OPEN"));
        return id;
    }

    private static Map<String, Object> roundBody(String fundId) {
        // Closing dates are UK wall-clock times; a year ahead keeps the round open for this test.
        String closesAt = LocalDate.now(UK).plusYears(1).atTime(17, 0).format(LOCAL_DATE_TIME);
        return Map.of(
                "fundId", fundId,
                "name", "Community Safety Grant 2017/18",
                "financialYear", "2017/18",
                "closesAt", closesAt);
    }

    private static String createDraftBid(String organisationId, String roundId) {
        Map<String, Object> bid = Map.of(
                "roundId", roundId,
                "title", "Safer streets",
                "summary", "Street lighting and a volunteer patrol for the town centre.",
                "amountRequested", "12000.00",
                "totalProjectCost", "16000.00");
        return as(tokens.partner(organisationId), GrantflowService.GRANTS)
                .contentType(ContentType.JSON)
                .body(bid)
                .post("/api/v1/bids")
                .then().log().ifValidationFails()
                .statusCode(201)
                .body("id", notNullValue())
                .body("status", equalTo("DRAFT"))
                .extract().path("id");
    }

    private static String submittedBid(String organisationId, String roundId) {
        String bidId = createDraftBid(organisationId, roundId);
        as(tokens.partner(organisationId), GrantflowService.GRANTS)
                .post("/api/v1/bids/{id}/submit", bidId)
                .then().log().ifValidationFails()
                .statusCode(200);
        return bidId;
    }

    private static void award(String bidId, String amount) {
        as(tokens.staff("assessor"), GrantflowService.GRANTS)
                .contentType(ContentType.JSON)
                .body(Map.of("outcome", "AWARD", "amount", amount, "reason", "Strong evidence base"))
                .post("/api/v1/bids/{id}/decision", bidId)
                .then().log().ifValidationFails()
                .statusCode(200)
                .body("status", equalTo("AWARD_PENDING"));
    }

    private static void awaitBidStatus(String organisationId, String bidId, String status) {
        await("bid " + bidId + " " + status).atMost(EVENTUALLY).pollInterval(POLL)
                .untilAsserted(() -> as(tokens.partner(organisationId), GrantflowService.GRANTS)
                        .get("/api/v1/bids/{id}", bidId)
                        .then()
                        .statusCode(200)
                        .body("status", equalTo(status)));
    }

    private static void awaitSubmissionNotified(String organisationId, String bidId) {
        awaitNotified(organisationId, bidId, "BID_SUBMITTED");
    }

    private static void awaitNotified(String organisationId, String bidId, String kind) {
        await(kind + " notification for bid " + bidId).atMost(EVENTUALLY).pollInterval(POLL)
                .untilAsserted(() -> {
                    List<Map<String, Object>> items = as(tokens.partner(organisationId), GrantflowService.NOTIFICATIONS)
                            .get("/api/v1/notifications")
                            .then()
                            .statusCode(200)
                            .extract().jsonPath().getList("items");
                    assertTrue(items.stream().anyMatch(item -> bidId.equals(item.get("bidId"))
                            && organisationId.equals(item.get("organisationId"))
                            && kind.equals(item.get("kind"))),
                            () -> "notifications of " + organisationId + ": " + items);
                });
    }

    private static RequestSpecification as(String token, GrantflowService service) {
        return given()
                .baseUri(system.baseUri(service).toString())
                .auth().oauth2(token)
                .accept(ContentType.JSON);
    }
}
