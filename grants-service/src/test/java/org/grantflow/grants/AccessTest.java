package org.grantflow.grants;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasKey;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

@QuarkusTest
class AccessTest {

    @Test
    void refusesARequestWithoutATokenWithProblemDetails() {
        given().get("/api/v1/bids").then().statusCode(401)
                .contentType("application/problem+json")
                .body("type", equalTo("https://grantflow.example/problems/unauthorized"));
    }

    @Test
    void refusesATokenSignedByAnotherKey() {
        String forged = org.grantflow.infra.Tokens.withNewKeys().staff("admin");
        given().auth().oauth2(forged).get("/api/v1/rounds").then().statusCode(401);
    }

    @Test
    void refusesAPartnerOpeningARound() {
        Fixtures.asPartner("org-a").body(Map.of("name", "x")).post("/api/v1/rounds").then().statusCode(403)
                .contentType("application/problem+json").body("status", equalTo(403));
    }

    @Test
    void refusesStaffCreatingABid() {
        Fixtures.as("assessor").body(Map.of("title", "x")).post("/api/v1/bids").then().statusCode(403);
    }

    @Test
    void keepsHealthAndOpenApiOpen() {
        given().get("/q/health/ready").then().statusCode(200)
                .body("checks.name", hasItems("Database connections health check", "Kafka connection health check"))
                .body("checks.status", everyItem(equalTo("UP")));
        given().accept(ContentType.JSON).get("/q/openapi").then().statusCode(200)
                .body("paths", hasKey("/api/v1/bids/{id}/submit"));
    }
}
