package org.grantflow.funds;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasKey;

import java.util.List;

import org.grantflow.infra.Tokens;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

@QuarkusTest
class AccessTest {

    @Test
    void refusesARequestWithoutATokenWithProblemDetails() {
        given().get("/api/v1/funds").then().statusCode(401)
                .contentType("application/problem+json")
                .body("type", equalTo("https://grantflow.example/problems/unauthorized"));
    }

    @Test
    void refusesATokenSignedByAnotherKey() {
        String forged = Tokens.withNewKeys().staff("admin");
        given().auth().oauth2(forged).get("/api/v1/funds").then().statusCode(401);
    }

    @Test
    void refusesAPartnerEvenToListFunds() {
        Fixtures.asPartner("org-a").get("/api/v1/funds").then().statusCode(403)
                .contentType("application/problem+json").body("status", equalTo(403));
    }

    @Test
    void letsAnAssessorListFundsButNotCreateOne() {
        Fixtures.as("assessor").get("/api/v1/funds").then().statusCode(200);
        Fixtures.as("assessor").body(Fixtures.fundRequest(Fixtures.uniqueCode(), List.of()))
                .post("/api/v1/funds").then().statusCode(403)
                .contentType("application/problem+json")
                .body("type", equalTo("https://grantflow.example/problems/forbidden"));
    }

    @Test
    void keepsHealthAndOpenApiOpen() {
        given().get("/q/health/ready").then().statusCode(200)
                .body("checks.name", hasItems("Database connections health check"));
        given().accept(ContentType.JSON).get("/q/openapi").then().statusCode(200)
                .body("paths", hasKey("/api/v1/funds"))
                .body("paths", hasKey("/api/v1/funds/{id}"))
                .body("paths", hasKey("/api/v1/funds/{id}/balances"))
                .body("paths", hasKey("/api/v1/commitments/{id}/payments"))
                .body("paths", hasKey("/api/v1/reconciliation"));
    }
}
