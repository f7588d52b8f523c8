package org.grantflow.funds;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class ReadFundsTest {

    @Test
    void readsAFundBackWithItsBudgets() {
        String code = Fixtures.uniqueCode();
        String id = Fixtures.createFund(code);
        Fixtures.as("assessor").get("/api/v1/funds/" + id).then().statusCode(200)
                .body("code", equalTo(code))
                .body("name", equalTo("Road Safety Fund"))
                .body("budgets[0].financialYear", equalTo("2019/20"))
                .body("budgets[0].amount", equalTo("750000.00"));
    }

    @Test
    void answersNotFoundWithProblemDetailsForAnUnknownFund() {
        Fixtures.as("finance").get("/api/v1/funds/" + UUID.randomUUID()).then().statusCode(404)
                .contentType("application/problem+json")
                .body("type", equalTo("https://grantflow.example/problems/not-found"));
    }

    @Test
    void listsFundsOrderedByCodeAndFilteredByStatus() {
        String prefix = Fixtures.uniqueCode().substring(0, 8);
        String later = prefix + "-B";
        String earlier = prefix + "-A";
        Fixtures.createFund(later);
        Fixtures.createFund(earlier);

        List<String> codes = Fixtures.as("finance").queryParam("status", "OPEN").queryParam("size", 200)
                .get("/api/v1/funds").then().statusCode(200)
                .body("items.status", everyItem(equalTo("OPEN")))
                .body("items.code", hasItems(earlier, later))
                .extract().path("items.code");
        assertEquals(codes.stream().sorted().toList(), codes);

        Fixtures.as("finance").queryParam("status", "CLOSED").get("/api/v1/funds").then().statusCode(200)
                .body("items.code", not(hasItems(earlier)));
    }

    @Test
    void pagesThroughTheList() {
        Fixtures.createFund(Fixtures.uniqueCode());
        Fixtures.createFund(Fixtures.uniqueCode());
        Fixtures.as("admin").queryParam("page", 0).queryParam("size", 1).get("/api/v1/funds").then().statusCode(200)
                .body("items.size()", equalTo(1))
                .body("page", equalTo(0))
                .body("size", equalTo(1));
    }
}
