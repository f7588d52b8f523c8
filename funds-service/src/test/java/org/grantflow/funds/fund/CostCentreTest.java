package org.grantflow.funds.fund;

import static org.grantflow.funds.Fixtures.as;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.grantflow.funds.Fixtures;
import org.grantflow.funds.outbox.OutboxEvent;
import org.grantflow.infra.testing.EventContracts;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.junit.QuarkusTest;

/** A fund may carry the finance system's cost centre: unique, and never another fund's code. */
@QuarkusTest
class CostCentreTest {

    @Inject
    Fixtures fixtures;

    @Inject
    ObjectMapper json;

    private static Map<String, Object> fund(String code, String costCentre) {
        Map<String, Object> body = new HashMap<>(Fixtures.fundRequest(code, List.of(Fixtures.budget("2016/17",
                "60000.00"))));
        body.put("costCentreCode", costCentre);
        return body;
    }

    private static String create(String code, String costCentre) {
        return as("finance").body(fund(code, costCentre)).post("/api/v1/funds").then().statusCode(201)
                .body("costCentreCode", equalTo(costCentre)).extract().path("id");
    }

    @Test
    void createsAFundWithACostCentreAndAnnouncesIt() throws Exception {
        String costCentre = Fixtures.uniqueCode();
        String fundId = create(Fixtures.uniqueCode(), costCentre);

        as("assessor").get("/api/v1/funds/" + fundId).then().body("costCentreCode", equalTo(costCentre));
        OutboxEvent created = fixtures.outboxEvent("grantflow.fund.created.v1", fundId);
        EventContracts.assertValid(created.envelope);
        assertEquals(costCentre, json.readTree(created.envelope).at("/data/costCentreCode").asText());
    }

    @Test
    void refusesACostCentreThatIsAnotherFundsCostCentreOrCodeAndAFundCodeThatIsAnotherFundsCostCentre() {
        String code = Fixtures.uniqueCode();
        String costCentre = Fixtures.uniqueCode();
        create(code, costCentre);
        long funds = fixtures.funds();

        as("finance").body(fund(Fixtures.uniqueCode(), costCentre)).post("/api/v1/funds").then().statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("https://grantflow.example/problems/cost-centre-taken"));
        as("finance").body(fund(Fixtures.uniqueCode(), code)).post("/api/v1/funds").then().statusCode(409)
                .body("type", equalTo("https://grantflow.example/problems/cost-centre-taken"));
        as("finance").body(fund(costCentre, null)).post("/api/v1/funds").then().statusCode(409)
                .body("type", equalTo("https://grantflow.example/problems/fund-code-taken"));
        assertEquals(funds, fixtures.funds());
    }

    @Test
    void refusesACostCentreThatIsNotUpperCaseLettersDigitsOrHyphens() {
        as("finance").body(fund(Fixtures.uniqueCode(), "cc 44")).post("/api/v1/funds").then().statusCode(400)
                .body("violations.field", hasItem("costCentreCode"));
    }

    @Test
    void setsChangesAndRemovesACostCentreWithTheFundsDetails() throws Exception {
        String fundId = create(Fixtures.uniqueCode(), null);
        String other = create(Fixtures.uniqueCode(), Fixtures.uniqueCode());
        String costCentre = Fixtures.uniqueCode();
        Map<String, Object> details = new HashMap<>(Map.of("name", "Fly-Tipping Fund", "fundingSource", "RESERVES",
                "ringFenced", false));

        details.put("costCentreCode", costCentre);
        as("finance").body(details).put("/api/v1/funds/" + fundId).then().statusCode(200)
                .body("costCentreCode", equalTo(costCentre));
        OutboxEvent updated = fixtures.outboxEvent("grantflow.fund.updated.v1", fundId);
        EventContracts.assertValid(updated.envelope);
        assertEquals(costCentre, json.readTree(updated.envelope).at("/data/costCentreCode").asText());

        as("finance").body(details).put("/api/v1/funds/" + other).then().statusCode(409)
                .body("type", equalTo("https://grantflow.example/problems/cost-centre-taken"));

        details.remove("costCentreCode");
        as("finance").body(details).put("/api/v1/funds/" + fundId).then().statusCode(200)
                .body("costCentreCode", nullValue());
    }
}
