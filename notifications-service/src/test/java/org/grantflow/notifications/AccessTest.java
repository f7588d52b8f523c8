package org.grantflow.notifications;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasKey;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.grantflow.infra.testing.TestInfrastructure;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

@QuarkusTest
class AccessTest {

    @Test
    void refusesARequestWithoutATokenWithProblemDetails() {
        given().get("/api/v1/notifications").then().statusCode(401)
                .contentType("application/problem+json")
                .body("type", equalTo("https://grantflow.example/problems/unauthorized"))
                .body("status", equalTo(401));
    }

    @Test
    void refusesATokenSignedByAnotherKey() {
        String forged = org.grantflow.infra.Tokens.withNewKeys().staff("admin");
        given().auth().oauth2(forged).get("/api/v1/notifications").then().statusCode(401);
    }

    @Test
    void refusesATokenWithAnUnknownRoleWithProblemDetails() {
        String guest = TestInfrastructure.get().tokens().mint("x", List.of("guest"), null, Duration.ofHours(1));
        given().auth().oauth2(guest).get("/api/v1/notifications").then().statusCode(403)
                .contentType("application/problem+json")
                .body("type", equalTo("https://grantflow.example/problems/forbidden"));
        given().auth().oauth2(guest).get("/api/v1/notifications/" + UUID.randomUUID()).then().statusCode(403);
    }

    @Test
    void refusesAPartnerTokenThatNamesNoOrganisation() {
        String partner = TestInfrastructure.get().tokens().mint("p", List.of("partner"), null, Duration.ofHours(1));
        given().auth().oauth2(partner).get("/api/v1/notifications").then().statusCode(403)
                .contentType("application/problem+json");
    }

    @Test
    void letsEveryStaffRoleList() {
        for (String role : List.of("assessor", "finance", "admin")) {
            Fixtures.as(role).get("/api/v1/notifications").then().statusCode(200).body("page", equalTo(0));
        }
    }

    @Test
    void answersAnUnknownNotificationWithNotFoundProblem() {
        Fixtures.as("admin").get("/api/v1/notifications/" + UUID.randomUUID()).then().statusCode(404)
                .contentType("application/problem+json")
                .body("type", equalTo("https://grantflow.example/problems/not-found"));
    }

    @Test
    void refusesAPageSizeAboveTheMaximum() {
        Fixtures.as("admin").queryParam("size", 201).get("/api/v1/notifications").then().statusCode(400)
                .contentType("application/problem+json");
    }

    @Test
    void keepsHealthAndOpenApiOpen() {
        given().get("/q/health/ready").then().statusCode(200)
                .body("checks.name", hasItems("Database connections health check"));
        given().accept(ContentType.JSON).get("/q/openapi").then().statusCode(200)
                .body("paths", hasKey("/api/v1/notifications"))
                .body("paths", hasKey("/api/v1/notifications/{id}"));
    }
}
