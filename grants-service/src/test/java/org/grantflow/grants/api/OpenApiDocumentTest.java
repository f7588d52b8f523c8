package org.grantflow.grants.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/**
 * Partners generate clients from the OpenAPI document (deploy/launcher's GeneratedClientIT does, from
 * the copy the build stores in target/openapi): it must describe every endpoint, header, body, error
 * and role, with names and types a generator can use.
 */
@QuarkusTest
class OpenApiDocumentTest {

    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch");

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

    @Test
    void namesEveryOperationOnceAndStatesItsRoles() {
        Set<String> seen = new HashSet<>();
        List<String> wrong = new ArrayList<>();
        eachOperation(document(), (where, operation) -> {
            Object id = operation.get("operationId");
            if (!(id instanceof String name) || !name.matches("[a-z][A-Za-z]+")) {
                wrong.add(where + ": operationId " + id + " is not a name a generator can use");
            } else if (!seen.add(name)) {
                wrong.add(where + ": operationId " + name + " is used twice");
            }
            List<Object> roles = roles(operation);
            if (roles.isEmpty()) {
                wrong.add(where + ": no roles in its security requirement");
            } else if (!String.valueOf(operation.get("description")).contains("Roles: " + String.join(", ",
                    roles.stream().map(String::valueOf).toList()) + ".")) {
                wrong.add(where + ": the description does not say 'Roles: " + roles + "'");
            }
        });
        assertEquals(List.of(), wrong);
    }

    @Test
    void answersEveryOperationWithATypedBodyAndEveryRefusalAsProblemJsonWithExamples() {
        List<String> wrong = new ArrayList<>();
        eachOperation(document(), (where, operation) -> {
            Map<String, Map<String, Object>> responses = map(operation.get("responses"));
            boolean typedSuccess = responses.entrySet().stream()
                    .filter(response -> response.getKey().startsWith("2"))
                    .anyMatch(response -> schema(response.getValue(), "application/json") != null);
            if (!typedSuccess) {
                wrong.add(where + ": no 2xx answer with an application/json schema");
            }
            responses.forEach((status, response) -> {
                if (!status.startsWith("4")) {
                    return;
                }
                Map<String, Object> schema = schema(response, "application/problem+json");
                if (schema == null || !"#/components/schemas/Problem".equals(schema.get("$ref"))) {
                    wrong.add(where + " " + status + ": not application/problem+json with the Problem schema");
                    return;
                }
                Map<String, Object> problem = map(map(response.get("content")).get("application/problem+json"));
                Map<String, Map<String, Object>> examples = map(problem.get("examples"));
                if (examples.isEmpty() && problem.get("example") == null) {
                    wrong.add(where + " " + status + ": no example; name the problem types in the description, "
                            + "e.g. 'bid-not-draft: only a draft can be edited'");
                }
                examples.forEach((name, example) -> {
                    Map<String, Object> value = map(example.get("value"));
                    if (!Integer.valueOf(status).equals(value.get("status"))
                            || !String.valueOf(value.get("type")).startsWith("https://grantflow.example/problems/")) {
                        wrong.add(where + " " + status + ": example " + name + " is not a " + status + " problem: " + value);
                    }
                });
            });
            if (!roles(operation).isEmpty()) {
                requireStatus(wrong, where, responses, "401", "403");
            }
            if (where.contains("{")) {
                requireStatus(wrong, where, responses, "404");
            }
            List<Object> headers = parameters(operation, "header");
            if (headers.contains("If-Match")) {
                requireStatus(wrong, where, responses, "409", "428");
            }
            if (headers.contains("Idempotency-Key")) {
                requireStatus(wrong, where, responses, "422");
            }
        });
        assertEquals(List.of(), wrong);
    }

    @Test
    void typesMoneyAsDecimalStringsAndUkWallClockTimesAsPlainStrings() {
        given().queryParam("format", "json").get("/q/openapi").then().statusCode(200)
                // type string + format number: generators use a decimal type, the value stays exact
                .body("components.schemas.CreateBidRequest.properties.amountRequested.type", equalTo("string"))
                .body("components.schemas.CreateBidRequest.properties.amountRequested.format", equalTo("number"))
                .body("components.schemas.BidView.properties.awardAmount.format", equalTo("number"))
                .body("components.schemas.MatchFunding.properties.amount.format", equalTo("number"))
                .body("components.schemas.RoundRules.properties.maximumInterventionRate.format", equalTo("number"))
                // JSON Schema applies minimum to numbers only; the bound is said in words
                .body("components.schemas.CreateBidRequest.properties.amountRequested.minimum", nullValue())
                .body("components.schemas.CreateBidRequest.properties.amountRequested.description",
                        containsString("At least 0.01"))
                // "2016-11-18T17:00:00" has no offset: not an RFC 3339 date-time
                .body("components.schemas.LocalDateTime.type", equalTo("string"))
                .body("components.schemas.LocalDateTime.format", nullValue())
                .body("components.schemas.LocalDateTime.pattern", notNullValue())
                .body("components.schemas.RoundView.properties.closesAtUkTime.'$ref'",
                        equalTo("#/components/schemas/LocalDateTime"))
                .body("components.schemas.Instant.format", equalTo("date-time"))
                // enums of different classes get different names (not Status and Status1)
                .body("components.schemas.keySet()", hasItems("FundStatus", "BidStatus", "Problem", "Violation"))
                .body("components.schemas.keySet()", not(hasItem("Status1")))
                .body("components.schemas.Problem.required", hasItems("type", "title", "status"));
    }

    private static void requireStatus(List<String> wrong, String where, Map<String, Map<String, Object>> responses,
            String... statuses) {
        for (String status : statuses) {
            if (!responses.containsKey(status)) {
                wrong.add(where + ": no " + status + " answer");
            }
        }
    }

    private static Map<String, Object> document() {
        return given().queryParam("format", "json").get("/q/openapi").then().statusCode(200)
                .extract().jsonPath().getMap("$");
    }

    /** Calls {@code check} with "POST /api/v1/bids" and the operation, for every operation. */
    private static void eachOperation(Map<String, Object> document, BiConsumer<String, Map<String, Object>> check) {
        Map<String, Map<String, Object>> paths = map(document.get("paths"));
        paths.forEach((path, item) -> item.forEach((method, operation) -> {
            if (METHODS.contains(method)) {
                check.accept(method.toUpperCase() + " " + path, map(operation));
            }
        }));
    }

    private static List<Object> roles(Map<String, Object> operation) {
        List<Object> roles = new ArrayList<>();
        for (Object requirement : list(operation.get("security"))) {
            map(requirement).values().forEach(scopes -> roles.addAll(list(scopes)));
        }
        return roles;
    }

    private static List<Object> parameters(Map<String, Object> operation, String in) {
        return list(operation.get("parameters")).stream().map(OpenApiDocumentTest::map)
                .filter(parameter -> in.equals(parameter.get("in"))).map(parameter -> parameter.get("name")).toList();
    }

    private static Map<String, Object> schema(Map<String, Object> response, String mediaType) {
        Object media = map(response.get("content")).get(mediaType);
        Object schema = map(media).get("schema");
        return schema == null ? null : map(schema);
    }

    @SuppressWarnings("unchecked")
    private static <V> Map<String, V> map(Object value) {
        return value instanceof Map<?, ?> m ? (Map<String, V>) m : Map.of();
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(Object value) {
        return value instanceof List<?> l ? (List<Object>) l : List.of();
    }
}
