package org.grantflow.funds;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.grantflow.infra.testing.EventContracts;
import org.grantflow.infra.testing.TestKafka;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;

@QuarkusTest
class CreateFundTest {

    private static final String TOPIC = "funds.fund.events";

    @Inject
    Fixtures fixtures;

    @Inject
    ObjectMapper json;

    @Test
    void createsAFundWithItsBudgetsInYearOrderAndAnnouncesItOnKafka() throws Exception {
        String code = Fixtures.uniqueCode();
        ExtractableResponse<Response> created = Fixtures.as("finance")
                .body(Fixtures.fundRequest(code, List.of(
                        Fixtures.budget("2020/21", "1000"),
                        Fixtures.budget("2019/20", "750000.5"))))
                .post("/api/v1/funds").then().statusCode(201)
                .body("code", equalTo(code))
                .body("status", equalTo("OPEN"))
                .body("fundingSource", equalTo("RESERVES"))
                .body("ringFenced", equalTo(true))
                .body("budgets.financialYear", equalTo(List.of("2019/20", "2020/21")))
                .body("budgets.amount", equalTo(List.of("750000.50", "1000.00")))
                .body("version", equalTo(0))
                .extract();
        String id = created.path("id");
        assertThat(created.header("Location"), endsWith("/api/v1/funds/" + id));

        ConsumerRecord<String, String> record = TestKafka
                .find(TOPIC, r -> id.equals(r.key()), Duration.ofSeconds(30))
                .orElseThrow(() -> new AssertionError("No event for fund " + id + " on " + TOPIC));
        EventContracts.assertValid(record.value());
        JsonNode event = json.readTree(record.value());
        assertEquals("grantflow.fund.created.v1", event.path("type").asText());
        assertEquals("/grantflow/funds-service", event.path("source").asText());
        assertEquals(id, event.path("subject").asText());
        assertEquals(id, event.path("data").path("fundId").asText());
        assertEquals(code, event.path("data").path("code").asText());
        assertEquals("750000.50", event.path("data").path("budgets").path(0).path("amount").asText());
        assertEquals("application/cloudevents+json; charset=UTF-8",
                new String(record.headers().lastHeader("content-type").value(), StandardCharsets.UTF_8));
    }

    @Test
    void pointsTheLocationHeaderAtTheNewFund() {
        String location = Fixtures.as("admin")
                .body(Fixtures.fundRequest(Fixtures.uniqueCode(), List.of()))
                .post("/api/v1/funds").then().statusCode(201)
                .body("budgets", equalTo(List.of()))
                .extract().header("Location");
        String id = location.substring(location.lastIndexOf('/') + 1);
        Fixtures.as("finance").get("/api/v1/funds/" + id).then().statusCode(200).body("id", equalTo(id));
    }

    @Test
    void acceptsAFundWithoutDescription() {
        Map<String, Object> request = Map.of("code", Fixtures.uniqueCode(), "name", "Base budget fund",
                "fundingSource", "BASE_BUDGET", "ringFenced", false,
                "budgets", List.of(Fixtures.budget("2019/20", "0.00")));
        Fixtures.as("finance").body(request).post("/api/v1/funds").then().statusCode(201)
                .body("description", nullValue())
                .body("budgets[0].amount", equalTo("0.00"));
    }

    @Test
    void refusesASecondFundWithTheSameCodeAndWritesNothing() {
        String code = Fixtures.uniqueCode();
        Fixtures.createFund(code);
        long funds = fixtures.funds();
        long entries = fixtures.ledgerEntries();
        long events = fixtures.outboxEvents();

        Fixtures.as("finance").body(Fixtures.fundRequest(code, List.of(Fixtures.budget("2019/20", "1.00"))))
                .post("/api/v1/funds").then().statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("https://grantflow.example/problems/fund-code-taken"));

        assertEquals(funds, fixtures.funds());
        assertEquals(entries, fixtures.ledgerEntries());
        assertEquals(events, fixtures.outboxEvents());
    }

    @Test
    void refusesAnAmountWithMoreThanTwoDecimalsNamingTheField() {
        Fixtures.as("finance")
                .body(Fixtures.fundRequest(Fixtures.uniqueCode(), List.of(Fixtures.budget("2019/20", "12.345"))))
                .post("/api/v1/funds").then().statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("https://grantflow.example/problems/invalid-request"))
                .body("violations.field", hasItem("budgets[0].amount"));
    }

    @Test
    void refusesANegativeAmountNamingTheField() {
        Fixtures.as("finance")
                .body(Fixtures.fundRequest(Fixtures.uniqueCode(), List.of(Fixtures.budget("2019/20", "-0.01"))))
                .post("/api/v1/funds").then().statusCode(400)
                .body("violations.field", hasItem("budgets[0].amount"));
    }

    @Test
    void refusesACodeThatIsNotUpperCaseLettersDigitsOrHyphens() {
        Fixtures.as("finance").body(Fixtures.fundRequest("rsf 1", List.of()))
                .post("/api/v1/funds").then().statusCode(400)
                .body("violations.field", hasItem("code"));
    }

    @Test
    void refusesAnUnknownFundingSourceNamingTheField() {
        Map<String, Object> request = Map.of("code", Fixtures.uniqueCode(), "name", "Lottery fund",
                "fundingSource", "LOTTERY", "ringFenced", false, "budgets", List.of());
        Fixtures.as("finance").body(request).post("/api/v1/funds").then().statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("https://grantflow.example/problems/malformed-request"))
                .body("violations.field", hasItem("fundingSource"));
    }

    @Test
    void refusesAnAmountThatIsNotANumberNamingTheField() {
        Fixtures.as("finance")
                .body(Fixtures.fundRequest(Fixtures.uniqueCode(), List.of(Fixtures.budget("2019/20", "twelve"))))
                .post("/api/v1/funds").then().statusCode(400)
                .contentType("application/problem+json")
                .body("violations.field", hasItem("budgets[0].amount"));
    }

    @Test
    void refusesTheSameFinancialYearTwiceNamingTheFieldAndWritesNothing() {
        long funds = fixtures.funds();
        long entries = fixtures.ledgerEntries();
        long events = fixtures.outboxEvents();

        Fixtures.as("finance")
                .body(Fixtures.fundRequest(Fixtures.uniqueCode(), List.of(
                        Fixtures.budget("2019/20", "100.00"),
                        Fixtures.budget("2019/20", "200.00"))))
                .post("/api/v1/funds").then().statusCode(422)
                .contentType("application/problem+json")
                .body("type", equalTo("https://grantflow.example/problems/duplicate-financial-year"))
                .body("violations[0].field", equalTo("budgets[1].financialYear"));

        assertEquals(funds, fixtures.funds());
        assertEquals(entries, fixtures.ledgerEntries());
        assertEquals(events, fixtures.outboxEvents());
    }

    @Test
    void refusesAYearWhoseTwoHalvesAreNotConsecutive() {
        Fixtures.as("finance")
                .body(Fixtures.fundRequest(Fixtures.uniqueCode(), List.of(Fixtures.budget("2019/21", "100.00"))))
                .post("/api/v1/funds").then().statusCode(422)
                .body("type", equalTo("https://grantflow.example/problems/invalid-financial-year"))
                .body("violations[0].field", equalTo("budgets[0].financialYear"));
    }
}
