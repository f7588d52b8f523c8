package org.grantflow.grants.assessment;

import static org.awaitility.Awaitility.await;
import static org.grantflow.grants.Fixtures.as;
import static org.grantflow.grants.Fixtures.asPartner;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.grantflow.grants.Fixtures;
import org.grantflow.grants.outbox.OutboxEvent;
import org.grantflow.infra.testing.EventContracts;
import org.grantflow.infra.testing.MutableClock;
import org.grantflow.infra.testing.TestKafka;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

@QuarkusTest
class AwardSagaTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    Fixtures fixtures;
    @Inject
    MutableClock clock;
    @Inject
    EntityManager em;

    private String org;
    private String bid;

    @BeforeEach
    void aSubmittedBid() {
        clock.set(Instant.parse("2016-10-03T08:00:00Z"));
        String round = Fixtures.round(fixtures.fund("Fly-Tipping Fund"), Map.of("name", "Fly-Tipping Fund 2016/17",
                "financialYear", "2016/17", "closesAt", "2016-11-18T17:00:00", "spendBy", "2017-03-31",
                "rules", Map.of("evaluationPlanRequired", true),
                "criteria", List.of(Map.of("name", "Evidence", "weight", 60), Map.of("name", "Partnership", "weight", 40))));
        org = "district-" + UUID.randomUUID();
        bid = asPartner(org).body(Map.of("roundId", round, "title", "Cameras at fly-tipping hot spots",
                "amountRequested", "12000.00", "profile", List.of(Map.of("financialYear", "2016/17", "amount", "12000.00")),
                "projectEndDate", "2017-03-17", "evaluationPlan", "A report to the board in April 2017"))
                .post("/api/v1/bids").then().statusCode(201).extract().path("id");
        asPartner(org).post("/api/v1/bids/" + bid + "/submit").then().statusCode(200);
        clock.set(Instant.parse("2016-12-12T10:15:00Z"));
    }

    @Test
    void assessorsScoreAgainstTheWeightedCriteriaAndTheBidShowsTheirMean() {
        score("assessor", 8, 5).then().statusCode(200).body("totalScore", equalTo("6.80"));
        score("admin", 6, 10).then().statusCode(200)
                .body("assessments", hasSize(2))
                .body("totalScore", equalTo("7.20"));
        score("assessor", 10, 10).then().statusCode(200).body("assessments", hasSize(2))
                .body("totalScore", equalTo("8.80"));
        as("assessor").get("/api/v1/bids/" + bid).then().body("status", equalTo("UNDER_ASSESSMENT"))
                .body("assessmentScore", equalTo("8.80"));
    }

    @Test
    void refusesScoresThatMissACriterionAndRefusesPartners() {
        as("assessor").body(Map.of("scores", List.of(Map.of("criterion", "Evidence", "score", 5))))
                .post("/api/v1/bids/" + bid + "/assessments").then().statusCode(422)
                .body("type", equalTo("https://grantflow.example/problems/invalid-scores"))
                .body("violations[0].message", equalTo("'Partnership' is not scored"));
        asPartner(org).body(Map.of("scores", List.of(Map.of("criterion", "Evidence", "score", 5))))
                .post("/api/v1/bids/" + bid + "/assessments").then().statusCode(403);
        asPartner(org).body(Map.of("outcome", "AWARD")).post("/api/v1/bids/" + bid + "/decision").then()
                .statusCode(403);
    }

    @Test
    void rejectsABidWithItsReasonAndAnnouncesIt() {
        as("assessor").body(Map.of("outcome", "REJECT")).post("/api/v1/bids/" + bid + "/decision").then()
                .statusCode(422).body("type", equalTo("https://grantflow.example/problems/reason-required"));
        as("assessor").body(Map.of("outcome", "REJECT", "reason", "The evidence of need is weak"))
                .post("/api/v1/bids/" + bid + "/decision").then().statusCode(200)
                .body("status", equalTo("REJECTED"));
        EventContracts.assertValid(outbox("grantflow.bid.rejected.v1").envelope);
        asPartner(org).get("/api/v1/bids/" + bid + "/history").then()
                .body("[-1].reason", equalTo("The evidence of need is weak"));
    }

    @Test
    void refusesAnAwardLargerThanTheRequest() {
        as("assessor").body(Map.of("outcome", "AWARD", "amount", "12000.01"))
                .post("/api/v1/bids/" + bid + "/decision").then().statusCode(422)
                .body("type", equalTo("https://grantflow.example/problems/award-exceeds-request"));
        as("assessor").body(Map.of("outcome", "AWARD", "amount", "10000.00",
                "profile", List.of(Map.of("financialYear", "2016/17", "amount", "9000.00"))))
                .post("/api/v1/bids/" + bid + "/decision").then().statusCode(422)
                .body("type", equalTo("https://grantflow.example/problems/award-profile-mismatch"));
    }

    @Test
    void anAwardBecomesFinalWhenFundsServiceCommitsTheMoneyAndARedeliveryChangesNothing() throws Exception {
        as("assessor").body(Map.of("outcome", "AWARD", "amount", "12000.00"))
                .post("/api/v1/bids/" + bid + "/decision").then().statusCode(200)
                .body("status", equalTo("AWARD_PENDING")).body("awardAmount", equalTo("12000.00"));
        String requested = outbox("grantflow.award.requested.v1").envelope;
        EventContracts.assertValid(requested);
        assertEquals("12000.00", JsonPath.from(requested).getString("data.profile[0].amount"));
        assertEquals("12000.00", JsonPath.from(requested).getString("data.amountRequested"));
        assertEquals("2017-03-31", JsonPath.from(requested).getString("data.spendBy"));
        assertEquals("2017-03-17", JsonPath.from(requested).getString("data.projectEndDate"));

        String made = answer("grantflow.commitment.made.v1");
        TestKafka.send("funds.commitment.events", bid, made);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> as("assessor").get("/api/v1/bids/" + bid).then()
                .body("status", equalTo("AWARDED"))
                .body("commitmentId", equalTo("c0ffee00-1234-4abc-8def-0123456789ab")));
        String awarded = outbox("grantflow.bid.awarded.v1").envelope;
        EventContracts.assertValid(awarded);
        assertEquals("2017-03-31", JsonPath.from(awarded).getString("data.spendBy"));
        assertEquals("2017-03-17", JsonPath.from(awarded).getString("data.projectEndDate"));
        assertEquals(true, JsonPath.from(awarded).getBoolean("data.evaluationRequired"));

        int changes = history().size();
        TestKafka.send("funds.commitment.events", bid, made);
        String marker = answer("grantflow.commitment.refused.v1");
        TestKafka.send("funds.commitment.events", bid, marker);
        String markerId = JSON.readTree(marker).get("id").asText();
        await().atMost(Duration.ofSeconds(30)).until(() -> processed(markerId));
        assertEquals(changes, history().size());
        as("assessor").get("/api/v1/bids/" + bid).then().body("status", equalTo("AWARDED"));
    }

    @Test
    void aRefusedCommitmentReturnsTheBidToAssessmentWithTheReason() throws Exception {
        as("assessor").body(Map.of("outcome", "AWARD")).post("/api/v1/bids/" + bid + "/decision").then()
                .statusCode(200).body("status", equalTo("AWARD_PENDING"));
        TestKafka.send("funds.commitment.events", bid, answer("grantflow.commitment.refused.v1"));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> as("assessor").get("/api/v1/bids/" + bid).then()
                .body("status", equalTo("UNDER_ASSESSMENT")));
        List<Map<String, Object>> history = history();
        assertEquals("Award refused: The fund has £4,000.00 available in 2016/17; the award needs £12,000.00",
                history.get(history.size() - 1).get("reason"));
    }

    /** The documented example of funds-service's answer, about this test's bid, with a fresh event id. */
    private String answer(String type) throws Exception {
        ObjectNode event = (ObjectNode) JSON.readTree(EventContracts.example(type));
        event.put("id", UUID.randomUUID().toString()).put("subject", bid);
        ((ObjectNode) event.get("data")).put("bidId", bid);
        String json = JSON.writeValueAsString(event);
        EventContracts.assertValid(json);
        return json;
    }

    private io.restassured.response.Response score(String role, int evidence, int partnership) {
        return as(role).body(Map.of("scores", List.of(Map.of("criterion", "Evidence", "score", evidence),
                Map.of("criterion", "Partnership", "score", partnership)), "comment", "Scored by " + role))
                .post("/api/v1/bids/" + bid + "/assessments");
    }

    private List<Map<String, Object>> history() {
        return as("assessor").get("/api/v1/bids/" + bid + "/history").then().statusCode(200).extract().path("$");
    }

    private OutboxEvent outbox(String type) {
        return QuarkusTransaction.requiringNew().call(() -> em
                .createQuery("FROM OutboxEvent WHERE messageKey = :key AND type = :type", OutboxEvent.class)
                .setParameter("key", bid).setParameter("type", type).getSingleResult());
    }

    private boolean processed(String eventId) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "SELECT count(*) FROM processed_event WHERE event_id = CAST(:id AS uuid)").setParameter("id", eventId)
                .getSingleResult()).longValue() == 1);
    }
}
