package org.grantflow.funds.fund;

import static org.grantflow.funds.Fixtures.as;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.grantflow.funds.Fixtures;
import org.grantflow.funds.outbox.OutboxEvent;
import org.grantflow.infra.testing.EventContracts;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class FundChangesTest {

    @Inject
    Fixtures fixtures;

    @Inject
    ObjectMapper json;

    private static Map<String, Object> details(String name) {
        return Map.of("name", name, "description", "Proceeds of Crime Act reserve",
                "fundingSource", "PROCEEDS_OF_CRIME", "ringFenced", false);
    }

    @Test
    void updatesAFundsDetailsAndAnnouncesTheWholeFundAsFundUpdated() throws Exception {
        String code = Fixtures.uniqueCode();
        String fundId = Fixtures.createFund(code, "2016/17", "60000.00");

        as("finance").header("If-Match", "\"0\"").body(details("Fly-Tipping Fund"))
                .put("/api/v1/funds/" + fundId).then().statusCode(200)
                .body("name", equalTo("Fly-Tipping Fund"))
                .body("code", equalTo(code))
                .body("fundingSource", equalTo("PROCEEDS_OF_CRIME"))
                .body("ringFenced", equalTo(false))
                .body("version", equalTo(1));

        OutboxEvent updated = fixtures.outboxEvent("grantflow.fund.updated.v1", fundId);
        EventContracts.assertValid(updated.envelope);
        JsonNode data = json.readTree(updated.envelope).get("data");
        assertEquals("Fly-Tipping Fund", data.get("name").asText());
        assertEquals(code, data.get("code").asText());
        assertEquals("OPEN", data.get("status").asText());
        assertEquals("60000.00", data.at("/budgets/0/amount").asText());
    }

    @Test
    void refusesAChangeToAnOlderVersionAndWritesNothing() {
        String fundId = Fixtures.createFund(Fixtures.uniqueCode(), "2016/17", "60000.00");
        as("finance").body(details("First")).put("/api/v1/funds/" + fundId).then().statusCode(200);
        long events = fixtures.outboxEvents();

        as("finance").header("If-Match", "\"0\"").body(details("Second"))
                .put("/api/v1/funds/" + fundId).then().statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("https://grantflow.example/problems/stale-version"));

        assertEquals(events, fixtures.outboxEvents());
        as("finance").get("/api/v1/funds/" + fundId).then().body("name", equalTo("First"));
    }

    @Test
    void closesAFundOnceAndAnnouncesItAsFundClosed() throws Exception {
        String fundId = Fixtures.createFund(Fixtures.uniqueCode(), "2016/17", "60000.00");
        as("admin").post("/api/v1/funds/" + fundId + "/close").then().statusCode(200)
                .body("status", equalTo("CLOSED"));
        as("admin").post("/api/v1/funds/" + fundId + "/close").then().statusCode(200)
                .body("status", equalTo("CLOSED"));

        OutboxEvent closed = fixtures.outboxEvent("grantflow.fund.closed.v1", fundId);
        EventContracts.assertValid(closed.envelope);
        assertEquals("CLOSED", json.readTree(closed.envelope).at("/data/status").asText());
    }

    @Test
    void refusesFundChangesToAssessorsAndAnswers404ForAnUnknownFund() {
        String fundId = Fixtures.createFund(Fixtures.uniqueCode(), "2016/17", "60000.00");
        as("assessor").body(details("x")).put("/api/v1/funds/" + fundId).then().statusCode(403);
        as("assessor").post("/api/v1/funds/" + fundId + "/close").then().statusCode(403);
        as("finance").body(details("x")).put("/api/v1/funds/" + UUID.randomUUID()).then().statusCode(404);
    }
}
