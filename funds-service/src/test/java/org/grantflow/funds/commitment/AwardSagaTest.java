package org.grantflow.funds.commitment;

import static org.grantflow.funds.Fixtures.as;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.grantflow.funds.Fixtures;
import org.grantflow.funds.inbox.IncomingEvent;
import org.grantflow.funds.outbox.OutboxEvent;
import org.grantflow.infra.testing.EventContracts;
import org.grantflow.infra.testing.TestKafka;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.junit.QuarkusTest;

/** funds-service's side of the award saga, driven through Kafka as grants-service drives it. */
@QuarkusTest
class AwardSagaTest {

    private static final String MADE = "grantflow.commitment.made.v1";
    private static final String REFUSED = "grantflow.commitment.refused.v1";

    @Inject
    Fixtures fixtures;

    @Inject
    ObjectMapper json;

    @Inject
    CommitmentService commitments;

    @Test
    void commitsTwelveFiveThousandPoundAwardsFromTheSixtyThousandPoundFlyTippingFundAndRefusesTheThirteenth()
            throws Exception {
        // The brief's 2016/17 Fly-Tipping Fund: a £60,000 pot.
        String fundId = as("finance").body(Map.of("code", Fixtures.uniqueCode(), "name", "Fly-Tipping Fund",
                "fundingSource", "RESERVES", "ringFenced", false,
                "budgets", List.of(Fixtures.budget("2016/17", "60000.00"))))
                .post("/api/v1/funds").then().statusCode(201).extract().path("id");
        for (int i = 1; i <= 13; i++) {
            UUID bidId = UUID.randomUUID();
            Fixtures.sendBidEvent(Fixtures.awardRequestedEvent(UUID.randomUUID(), bidId, fundId,
                    "district-council-" + i, "2016/17", "5000.00"));
            OutboxEvent answer = fixtures.awaitAnswer(bidId);
            EventContracts.assertValid(answer.envelope);
            JsonNode data = json.readTree(answer.envelope).get("data");
            if (i <= 12) {
                assertEquals(MADE, answer.type, "award " + i + ": " + data);
                assertEquals("5000.00", data.get("amount").asText());
                assertEquals("district-council-" + i, data.get("organisationId").asText());
            } else {
                assertEquals(REFUSED, answer.type, "award " + i + ": " + data);
                assertEquals("The Fly-Tipping Fund has £0.00 available in 2016/17; the award needs £5,000.00 "
                        + "(short by £5,000.00)", data.get("reason").asText());
                assertEquals("2016/17", data.at("/shortfalls/0/financialYear").asText());
                assertEquals("5000.00", data.at("/shortfalls/0/requested").asText());
                assertEquals("0.00", data.at("/shortfalls/0/available").asText());
            }
        }
        as("finance").get("/api/v1/funds/" + fundId + "/balances").then().statusCode(200)
                .body("[0].financialYear", equalTo("2016/17"))
                .body("[0].budget", equalTo("60000.00"))
                .body("[0].committed", equalTo("60000.00"))
                .body("[0].available", equalTo("0.00"))
                .body("[0].outstanding", equalTo("60000.00"));
    }

    @Inject
    AwardRequests awardRequests;

    @Test
    void keepsWhatWasAskedForTheSpendByDateAndTheProjectEndFromTheAwardRequest() throws Exception {
        String fundId = Fixtures.createFund(Fixtures.uniqueCode(), "2016/17", "60000.00");
        UUID bidId = UUID.randomUUID();
        // The documented example asks for £15,000.00, spend by 31 March 2017, project end 17 March 2017.
        Fixtures.sendBidEvent(Fixtures.awardRequestedEvent(UUID.randomUUID(), bidId, fundId, "district-council-01",
                "2016/17", "12000.00"));

        OutboxEvent answer = fixtures.awaitAnswer(bidId);
        assertEquals(MADE, answer.type);
        as("finance").get("/api/v1/commitments/" + commitmentId(answer)).then().statusCode(200)
                .body("amount", equalTo("12000.00"))
                .body("amountRequested", equalTo("15000.00"))
                .body("spendBy", equalTo("2017-03-31"))
                .body("projectEndDate", equalTo("2017-03-17"));
    }

    @Test
    void decidesABatchOfAwardRequestsInOneTransactionEachOnItsOwnAndEachEventOnce() throws Exception {
        String fundId = Fixtures.createFund(Fixtures.uniqueCode(), "2016/17", "60000.00", "2017/18", "1000.00");
        List<IncomingEvent> batch = new ArrayList<>();
        List<UUID> bids = new ArrayList<>();
        for (int i = 1; i <= 13; i++) {
            UUID bidId = UUID.randomUUID();
            bids.add(bidId);
            batch.add(event(Fixtures.awardRequestedEvent(UUID.randomUUID(), bidId, fundId, "district-council-" + i,
                    "2016/17", "5000.00")));
            if (i == 3) {
                // a two-year award whose second year is short: refused whole, while the first year still has room
                UUID twoYears = UUID.randomUUID();
                bids.add(twoYears);
                batch.add(event(Fixtures.awardRequestedEvent(UUID.randomUUID(), twoYears, fundId, "csp-north",
                        "2016/17", "1000.00", "2017/18", "2000.00")));
            }
        }
        batch.add(batch.get(0)); // the same event twice in one batch
        batch.add(event(Fixtures.awardRequestedEvent(UUID.randomUUID(), bids.get(1), fundId, "district-council-2",
                "2016/17", "5000.00"))); // the same award asked for again
        batch.add(event(EventContracts.example("grantflow.bid.submitted.v1")
                .replace("5e4d3c2b-1a09-4f8e-9d7c-6b5a49382716", UUID.randomUUID().toString())));

        awardRequests.applyAll(batch);
        awardRequests.applyAll(batch); // redelivered whole

        for (int i = 0; i < bids.size(); i++) {
            OutboxEvent answer = fixtures.answer(bids.get(i));
            EventContracts.assertValid(answer.envelope);
            assertEquals(i == 3 || i == 13 ? REFUSED : MADE, answer.type, "bid " + i);
        }
        assertEquals(2, fixtures.outboxEvents(MADE, bids.get(1).toString()).size(), "the repeat is answered again");
        assertEquals(1, fixtures.outboxEvents(MADE, bids.get(0).toString()).size(), "a twice-delivered event once");
        assertEquals(12, fixtures.countSql("SELECT count(*) FROM commitment WHERE fund_id = :fund",
                Map.of("fund", UUID.fromString(fundId))));
        assertEquals(12, fixtures.countSql("SELECT count(*) FROM ledger_entry WHERE fund_id = :fund "
                + "AND kind = 'COMMITMENT_MADE'", Map.of("fund", UUID.fromString(fundId))));
        as("finance").get("/api/v1/funds/" + fundId + "/balances").then()
                .body("committed", equalTo(List.of("60000.00", "0.00")))
                .body("available", equalTo(List.of("0.00", "1000.00")));
        JsonNode shortOf = json.readTree(fixtures.answer(bids.get(3)).envelope).get("data");
        assertEquals("2017/18", shortOf.at("/shortfalls/0/financialYear").asText(), shortOf.toString());
        assertEquals(1, shortOf.get("shortfalls").size(), shortOf.toString());
    }

    private IncomingEvent event(String text) {
        return IncomingEvent.parse(json, text);
    }

    @Test
    void commitsARedeliveredOrRepeatedAwardRequestOnlyOnce() {
        String fundId = Fixtures.createFund(Fixtures.uniqueCode(), "2016/17", "60000.00");
        UUID bidId = UUID.randomUUID();
        String request = Fixtures.awardRequestedEvent(UUID.randomUUID(), bidId, fundId, "district-council-01",
                "2016/17", "12000.00");
        Fixtures.sendBidEvent(request);
        fixtures.awaitAnswer(bidId);

        // The same event again, then the same award under a new event id (grants-service asking again).
        Fixtures.sendBidEvent(request);
        Fixtures.sendBidEvent(Fixtures.awardRequestedEvent(UUID.randomUUID(), bidId, fundId, "district-council-01",
                "2016/17", "12000.00"));
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30))
                .until(() -> fixtures.outboxEvents(MADE, bidId.toString()).size() == 2);

        var made = fixtures.outboxEvents(MADE, bidId.toString());
        assertEquals(commitmentId(made.get(0)), commitmentId(made.get(1)), "the repeat names the same commitment");
        assertEquals(1, fixtures.countSql("SELECT count(*) FROM commitment WHERE bid_id = :bid", Map.of("bid", bidId)));
        assertEquals(1, fixtures.countSql("SELECT count(*) FROM ledger_entry e JOIN commitment c "
                + "ON e.commitment_id = c.id WHERE c.bid_id = :bid", Map.of("bid", bidId)));
        as("finance").get("/api/v1/funds/" + fundId + "/balances").then()
                .body("[0].committed", equalTo("12000.00"))
                .body("[0].available", equalTo("48000.00"));
    }

    @Test
    void refusesTheWholeAwardWhenOneYearOfItsProfileIsShortAndCommitsNothing() throws Exception {
        String fundId = Fixtures.createFund(Fixtures.uniqueCode(), "2017/18", "100000.00", "2018/19", "10000.00");
        UUID bidId = UUID.randomUUID();
        Fixtures.sendBidEvent(Fixtures.awardRequestedEvent(UUID.randomUUID(), bidId, fundId, "csp-north",
                "2017/18", "20000.00", "2018/19", "20000.00", "2019/20", "5000.00"));

        OutboxEvent answer = fixtures.awaitAnswer(bidId);
        assertEquals(REFUSED, answer.type);
        EventContracts.assertValid(answer.envelope);
        JsonNode data = json.readTree(answer.envelope).get("data");
        assertEquals(2, data.get("shortfalls").size(), data.toString());
        assertEquals("2018/19", data.at("/shortfalls/0/financialYear").asText());
        assertEquals("10000.00", data.at("/shortfalls/0/available").asText());
        assertEquals("2019/20", data.at("/shortfalls/1/financialYear").asText());
        assertTrue(data.get("reason").asText().contains("short by £10,000.00"), data.toString());
        as("finance").get("/api/v1/funds/" + fundId + "/balances").then()
                .body("committed", equalTo(java.util.List.of("0.00", "0.00")));
    }

    @Test
    void commitsEveryYearOfAMultiYearAwardTogetherAndAnnouncesItOnKafka() throws Exception {
        String fundId = Fixtures.createFund(Fixtures.uniqueCode(), "2017/18", "850000.00", "2018/19", "850000.00");
        UUID bidId = UUID.randomUUID();
        Fixtures.sendBidEvent(Fixtures.awardRequestedEvent(UUID.randomUUID(), bidId, fundId, "csp-north",
                "2017/18", "30000.00", "2018/19", "25000.00"));

        var record = TestKafka.find("funds.commitment.events", r -> bidId.toString().equals(r.key()),
                Duration.ofSeconds(30)).orElseThrow(() -> new AssertionError("no answer on Kafka for " + bidId));
        EventContracts.assertValid(record.value());
        JsonNode event = json.readTree(record.value());
        assertEquals(MADE, event.get("type").asText());
        assertEquals("55000.00", event.at("/data/amount").asText());
        assertEquals(2, event.at("/data/profile").size());
        as("finance").get("/api/v1/funds/" + fundId + "/balances").then()
                .body("committed", equalTo(java.util.List.of("30000.00", "25000.00")))
                .body("available", equalTo(java.util.List.of("820000.00", "825000.00")));
    }

    @Test
    void refusesAnAwardFromAClosedFund() throws Exception {
        String fundId = Fixtures.createFund(Fixtures.uniqueCode(), "2016/17", "60000.00");
        as("finance").post("/api/v1/funds/" + fundId + "/close").then().statusCode(200);
        UUID bidId = UUID.randomUUID();
        Fixtures.sendBidEvent(Fixtures.awardRequestedEvent(UUID.randomUUID(), bidId, fundId, "district-council-01",
                "2016/17", "5000.00"));

        OutboxEvent answer = fixtures.awaitAnswer(bidId);
        assertEquals(REFUSED, answer.type);
        JsonNode data = json.readTree(answer.envelope).get("data");
        assertEquals("The Road Safety Fund is closed to new commitments", data.get("reason").asText());
        assertEquals(0, data.get("shortfalls").size());
    }

    @Test
    void skipsOtherEventTypesOnTheBidTopicWithoutRecordingThem() throws Exception {
        String fundId = Fixtures.createFund(Fixtures.uniqueCode(), "2016/17", "60000.00");
        UUID bidId = UUID.randomUUID();
        UUID submittedId = UUID.randomUUID();
        UUID awardId = UUID.randomUUID();
        String submitted = EventContracts.example("grantflow.bid.submitted.v1")
                .replace("5e4d3c2b-1a09-4f8e-9d7c-6b5a49382716", submittedId.toString())
                .replace("1f2e3d4c-5b6a-4978-8695-a4b3c2d1e0f9", bidId.toString());
        // Same key, same partition: the award request is read after the submission.
        Fixtures.sendBidEvent(submitted);
        Fixtures.sendBidEvent(Fixtures.awardRequestedEvent(awardId, bidId, fundId, "district-council-01",
                "2016/17", "12000.00"));

        assertEquals(MADE, fixtures.awaitAnswer(bidId).type);
        String processed = "SELECT count(*) FROM processed_event WHERE event_id = :id";
        assertEquals(1, fixtures.countSql(processed, Map.of("id", awardId)));
        assertEquals(0, fixtures.countSql(processed, Map.of("id", submittedId)));
    }

    @Test
    void refusesAnAwardWhoseProfileDoesNotAddUpToItsAmountInsteadOfRetryingIt() throws Exception {
        String fundId = Fixtures.createFund(Fixtures.uniqueCode(), "2016/17", "60000.00");
        AwardRequested sound = Fixtures.award(UUID.randomUUID(), fundId, "district-council-01", "2016/17", "5000.00");
        AwardRequested broken = new AwardRequested(sound.bidId(), sound.roundId(), sound.roundName(), sound.fundId(),
                sound.organisationId(), sound.organisationName(), sound.title(), new java.math.BigDecimal("12000.00"),
                sound.profile(), sound.requestedBy(), sound.requestedAt(), null, null, null);

        CommitmentService.Decision decision = commitments.commit(broken);

        assertEquals("The profile adds up to £5,000.00, not the award's £12,000.00", decision.refusal());
        OutboxEvent answer = fixtures.answer(sound.bidId());
        assertEquals(REFUSED, answer.type);
        EventContracts.assertValid(answer.envelope);
        as("finance").get("/api/v1/funds/" + fundId + "/balances").then().body("[0].committed", equalTo("0.00"));
    }

    @Test
    void refusesAwardsTheDatabaseCouldNotHoldInsteadOfFailingTheirBatch() {
        String fundId = Fixtures.createFund(Fixtures.uniqueCode(), "2016/17", "60000.00");
        AwardRequested huge = Fixtures.award(UUID.randomUUID(), fundId, "district-council-01", "2016/17",
                "1000000000000.00");
        AwardRequested longName = Fixtures.award(UUID.randomUUID(), fundId, "x".repeat(201), "2016/17", "5000.00");
        AwardRequested untitled = Fixtures.named(Fixtures.award(UUID.randomUUID(), fundId, "district-council-02",
                "2016/17", "5000.00"), "A District Council", "t".repeat(501));
        AwardRequested sound = Fixtures.award(UUID.randomUUID(), fundId, "district-council-03", "2016/17", "5000.00");

        List<CommitmentService.Decision> decisions = commitments.commitAll(List.of(huge, longName, untitled, sound));

        assertEquals("The award's amount must be positive pounds and pence", decisions.get(0).refusal());
        assertTrue(decisions.get(1).refusal().contains("longer than 200 characters"), decisions.get(1).refusal());
        assertTrue(decisions.get(2).refusal().contains("longer than 500"), decisions.get(2).refusal());
        assertTrue(decisions.get(3).committed(), "the sound award in the same batch is committed");
        as("finance").get("/api/v1/funds/" + fundId + "/balances").then().body("[0].committed", equalTo("5000.00"));
    }

    private String commitmentId(OutboxEvent event) {
        try {
            return json.readTree(event.envelope).at("/data/commitmentId").asText();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
