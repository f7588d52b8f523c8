package org.grantflow.grants;

import static io.restassured.RestAssured.given;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.grantflow.grants.fund.Fund;
import org.grantflow.grants.fund.FundRepository;
import org.grantflow.infra.testing.TestInfrastructure;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/** Builds the state tests start from: funds in the read model, rounds, callers with tokens. */
@ApplicationScoped
public class Fixtures {

    private final FundRepository funds;

    Fixtures(FundRepository funds) {
        this.funds = funds;
    }

    public static RequestSpecification as(String role) {
        return given().auth().oauth2(TestInfrastructure.get().tokens().staff(role)).contentType(ContentType.JSON);
    }

    public static RequestSpecification asPartner(String organisationId) {
        return given().auth().oauth2(TestInfrastructure.get().tokens().partner(organisationId))
                .contentType(ContentType.JSON);
    }

    /** A fund as if funds-service had announced it. */
    public UUID fund(String name) {
        Fund fund = new Fund();
        fund.id = UUID.randomUUID();
        fund.code = "T" + fund.id.toString().substring(0, 6).toUpperCase();
        fund.name = name;
        fund.status = Fund.Status.OPEN;
        fund.updatedAt = Instant.now();
        QuarkusTransaction.requiringNew().run(() -> funds.persist(fund));
        return fund.id;
    }

    /** Drafts a round through the API with the given fields besides the fund, opens it, and returns its id. */
    public static String round(UUID fundId, Map<String, Object> fields) {
        Map<String, Object> body = new java.util.HashMap<>(fields);
        body.put("fundId", fundId);
        return open(draftRound(body));
    }

    /** Drafts and opens a round through the API and returns its id. */
    public static String round(UUID fundId, String closesAtUkTime) {
        return open(draftRound(Map.of("fundId", fundId, "name", "Fly-Tipping Fund 2016/17",
                "financialYear", "2016/17", "closesAt", closesAtUkTime)));
    }

    /** Drafts a round through the API and returns its id. */
    public static String draftRound(Map<String, Object> body) {
        return as("assessor").body(body).post("/api/v1/rounds").then().statusCode(201).extract().path("id");
    }

    /** Opens a drafted round through the API and returns its id. */
    public static String open(String roundId) {
        as("assessor").post("/api/v1/rounds/" + roundId + "/open").then().statusCode(200);
        return roundId;
    }
}
