package org.grantflow.grants.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/** Partners generate clients from the OpenAPI document: it must describe every endpoint and header. */
@QuarkusTest
class OpenApiDocumentTest {

    @Test
    void describesEveryEndpointWithItsIdempotencyKeyAndIfMatchHeaders() {
        given().queryParam("format", "json").get("/q/openapi").then().statusCode(200)
                .body("paths.'/api/v1/rounds/{id}/eligibility-check'.post", notNullValue())
                .body("paths.'/api/v1/bids/{id}'.put.parameters.name", hasItem("If-Match"))
                .body("paths.'/api/v1/bids'.post.parameters.name", hasItem("Idempotency-Key"))
                .body("paths.'/api/v1/rounds'.post.parameters.name", hasItem("Idempotency-Key"))
                .body("paths.'/api/v1/organisations'.post.parameters.name", hasItem("Idempotency-Key"))
                .body("paths.'/api/v1/bids/{id}/withdraw'.post", notNullValue())
                .body("paths.'/api/v1/bids/{id}/history'.get", notNullValue())
                .body("paths.'/api/v1/bids/{id}/assessments'.post", notNullValue())
                .body("paths.'/api/v1/bids/{id}/decision'.post", notNullValue())
                .body("paths.'/api/v1/bids/{id}/submit'.post.responses.'422'.description",
                        containsString("bid-not-eligible"));
    }
}
