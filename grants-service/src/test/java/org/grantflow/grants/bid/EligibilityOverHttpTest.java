package org.grantflow.grants.bid;

import static org.grantflow.grants.Fixtures.as;
import static org.grantflow.grants.Fixtures.asPartner;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

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
class EligibilityOverHttpTest {

    @Inject
    Fixtures fixtures;
    @Inject
    MutableClock clock;
    @Inject
    EntityManager em;

    private String round;

    @BeforeEach
    void aCommunitySafetyRound() {
        clock.set(Instant.parse("2016-10-03T08:00:00Z"));
        round = Fixtures.round(fixtures.fund("Community Safety Fund"), Map.of(
                "name", "Community Safety Grant 2017/18", "financialYear", "2017/18",
                "financialYears", List.of("2017/18", "2018/19", "2019/20"),
                "closesAt", "2016-11-30T17:00:00", "gracePeriod", "PT15M", "pot", "850000",
                "rules", Map.of("minimumAmount", "5000.00", "maximumFinancialYears", 3, "noSubFunding", true,
                        "endorsementRequired", true, "planPriorityRequired", true, "evaluationPlanRequired", true)));
    }

    @Test
    void showsARoundsRulesInPlainWords() {
        as("partner").get("/api/v1/rounds/" + round).then().statusCode(200)
                .body("pot", equalTo("850000.00"))
                .body("gracePeriod", equalTo("PT15M"))
                .body("financialYears", contains("2017/18", "2018/19", "2019/20"))
                .body("rules.minimumAmount", equalTo("5000.00"))
                .body("rulesInWords", contains(
                        "Bids must arrive by 17:00 on Wednesday 30 November 2016 (UK time). Bids up to 15 minutes late are still accepted.",
                        "Bids must ask for at least £5,000.00.",
                        "Funding may be asked for at most 3 financial years.",
                        "A yearly profile, when given, must add up to the amount asked for.",
                        "The grant may not be passed on through sub-funding or further commissioning.",
                        "The Responsible Authorities Group or Board must endorse the bid.",
                        "Bids must link to at least one police and crime plan priority: Building on Success, "
                                + "Putting Victims at the Centre, Public Focus, Offender Pays, Business Sense.",
                        "Bids must include a plan for evaluating the project at the end."));
    }

    @Test
    void keepsABidThatBreaksTheRulesAsIneligibleAndListsEveryViolation() {
        String org = "district-" + UUID.randomUUID();
        Map<String, Object> body = new HashMap<>(eligibleBid());
        body.put("amountRequested", "4999.99");
        body.put("profile", List.of(Map.of("financialYear", "2017/18", "amount", "4999.99")));
        body.put("subFunding", true);
        body.put("planPriorities", List.of());
        String id = asPartner(org).body(body).post("/api/v1/bids").then().statusCode(201).extract().path("id");

        asPartner(org).post("/api/v1/bids/" + id + "/submit").then().statusCode(422)
                .contentType("application/problem+json")
                .body("type", equalTo("https://grantflow.example/problems/bid-not-eligible"))
                .body("title", equalTo("Bid is not eligible"))
                .body("detail", equalTo("3 eligibility rules failed"))
                .body("violations.code", contains("MINIMUM_AMOUNT", "NO_SUB_FUNDING", "PLAN_PRIORITY"))
                .body("violations[0].message", equalTo(
                        "The minimum bid for this round is £5,000.00; this bid asks for £4,999.99"));

        asPartner(org).get("/api/v1/bids/" + id).then().statusCode(200)
                .body("status", equalTo("INELIGIBLE"))
                .body("eligibilityViolations", hasSize(3));
        OutboxEvent event = event(id, "grantflow.bid.ineligible.v1");
        EventContracts.assertValid(event.envelope);
    }

    @Test
    void submitsABidThatMeetsEveryRule() {
        String org = "district-" + UUID.randomUUID();
        String id = asPartner(org).body(eligibleBid()).post("/api/v1/bids").then().statusCode(201)
                .body("planPriorities", contains("PUBLIC_FOCUS"))
                .body("profile[1].amount", equalTo("7500.00"))
                .extract().path("id");
        EventContracts.assertValid(event(id, "grantflow.bid.drafted.v1").envelope);

        clock.set(Instant.parse("2016-11-30T17:15:00Z"));
        asPartner(org).post("/api/v1/bids/" + id + "/submit").then().statusCode(200)
                .body("status", equalTo("SUBMITTED"));
        EventContracts.assertValid(event(id, "grantflow.bid.submitted.v1").envelope);
    }

    @Test
    void refusesASubmissionAfterTheGracePeriodAndKeepsTheDraft() {
        String org = "district-" + UUID.randomUUID();
        String id = asPartner(org).body(eligibleBid()).post("/api/v1/bids").then().statusCode(201).extract()
                .path("id");
        clock.set(Instant.parse("2016-11-30T17:15:01Z"));
        asPartner(org).post("/api/v1/bids/" + id + "/submit").then().statusCode(422)
                .body("type", equalTo("https://grantflow.example/problems/round-closed"));
        asPartner(org).get("/api/v1/bids/" + id).then().body("status", equalTo("DRAFT"));
    }

    @Test
    void checksABidWithoutSavingAnything() {
        long before = count("Bid") + count("OutboxEvent");
        Map<String, Object> body = new HashMap<>(eligibleBid());
        body.remove("roundId");
        asPartner("district-x").body(body).post("/api/v1/rounds/" + round + "/eligibility-check").then()
                .statusCode(200).body("eligible", equalTo(true)).body("violations", hasSize(0));

        body.put("boardEndorsement", false);
        body.put("profile", List.of(Map.of("financialYear", "2017/18", "amount", "5000.00"),
                Map.of("financialYear", "2020/21", "amount", "10000.00")));
        asPartner("district-x").body(body).post("/api/v1/rounds/" + round + "/eligibility-check").then()
                .statusCode(200).body("eligible", equalTo(false))
                .body("violations.code", contains("MAXIMUM_DURATION", "ENDORSEMENT_REQUIRED"))
                .body("checkedAt", equalTo("2016-10-03T08:00:00Z"));
        assertEquals(before, count("Bid") + count("OutboxEvent"));
    }

    @Test
    void answersAnEligibilityCheckForAnUnknownRoundWithNotFound() {
        Map<String, Object> body = new HashMap<>(eligibleBid());
        body.remove("roundId");
        asPartner("district-x").body(body).post("/api/v1/rounds/" + UUID.randomUUID() + "/eligibility-check")
                .then().statusCode(404).contentType("application/problem+json");
    }

    private Map<String, Object> eligibleBid() {
        Map<String, Object> body = new HashMap<>();
        body.put("roundId", round);
        body.put("title", "Safer streets in the town centre");
        body.put("amountRequested", "15000.00");
        body.put("totalProjectCost", "20000.00");
        body.put("matchFunding", List.of(Map.of("source", "District council", "amount", "5000.00")));
        body.put("profile", List.of(Map.of("financialYear", "2017/18", "amount", "7500.00"),
                Map.of("financialYear", "2018/19", "amount", "7500.00")));
        body.put("subFunding", false);
        body.put("boardEndorsement", true);
        body.put("planPriorities", List.of("PUBLIC_FOCUS"));
        body.put("evaluationPlan", "Independent evaluation in the final quarter");
        return body;
    }

    private OutboxEvent event(String key, String type) {
        return QuarkusTransaction.requiringNew().call(() -> em
                .createQuery("FROM OutboxEvent WHERE messageKey = :key AND type = :type", OutboxEvent.class)
                .setParameter("key", key).setParameter("type", type).getSingleResult());
    }

    private long count(String entity) {
        return QuarkusTransaction.requiringNew().call(() -> em.createQuery("SELECT count(*) FROM " + entity,
                Long.class).getSingleResult());
    }
}
