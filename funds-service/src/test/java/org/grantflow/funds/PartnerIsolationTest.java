package org.grantflow.funds;

import static io.restassured.RestAssured.given;
import static org.grantflow.funds.Fixtures.as;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.grantflow.funds.commitment.CommitmentService;
import org.grantflow.infra.testing.TestInfrastructure;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/** A partner reads only its own awards' commitments and payments, and can do nothing that is staff's. */
@QuarkusTest
class PartnerIsolationTest {

    @Inject
    CommitmentService commitments;

    @Inject
    Fixtures fixtures;

    private static Map<String, Object> payment(String reference) {
        Map<String, Object> body = new HashMap<>();
        body.put("amount", "100.00");
        body.put("paidOn", "2017-01-16");
        body.put("financeReference", reference);
        return body;
    }

    @Test
    void aPartnerSeesOnlyItsOwnCommitmentsAndPaymentsWhateverItAsksFor() {
        String fundId = Fixtures.createFund(Fixtures.uniqueCode(), "2016/17", "60000.00");
        String own = "org-" + UUID.randomUUID();
        String other = "org-" + UUID.randomUUID();
        UUID mine = commitments.commit(Fixtures.award(UUID.randomUUID(), fundId, own, "2016/17", "5000.00"))
                .commitmentId();
        UUID theirs = commitments.commit(Fixtures.award(UUID.randomUUID(), fundId, other, "2016/17", "7000.00"))
                .commitmentId();
        String myPayment = as("finance").body(payment("P-" + UUID.randomUUID()))
                .post("/api/v1/commitments/" + mine + "/payments").then().statusCode(201).extract().path("id");
        String theirPayment = as("finance").body(payment("P-" + UUID.randomUUID()))
                .post("/api/v1/commitments/" + theirs + "/payments").then().statusCode(201).extract().path("id");

        Fixtures.asPartner(own).get("/api/v1/commitments/" + mine).then().statusCode(200)
                .body("organisationId", equalTo(own));
        Fixtures.asPartner(own).get("/api/v1/commitments/" + theirs).then().statusCode(404)
                .contentType("application/problem+json");
        Fixtures.asPartner(own).queryParam("organisationId", other).queryParam("fundId", fundId).get("/api/v1/commitments").then()
                .statusCode(200).body("total", equalTo(1)).body("items[0].id", equalTo(mine.toString()));
        Fixtures.asPartner(own).get("/api/v1/payments/" + myPayment).then().statusCode(200);
        Fixtures.asPartner(own).get("/api/v1/payments/" + theirPayment).then().statusCode(404);
        Fixtures.asPartner(own).queryParam("commitmentId", theirs).get("/api/v1/payments").then().statusCode(200)
                .body("total", equalTo(0));
        Fixtures.asPartner(own).queryParam("organisationId", other).get("/api/v1/payments").then().statusCode(200)
                .body("total", equalTo(1)).body("items[0].id", equalTo(myPayment));
        // Staff see both.
        as("finance").queryParam("fundId", fundId).get("/api/v1/commitments").then().body("total", equalTo(2));
    }

    @Test
    void refusesAPartnerEveryStaffOperationAndChangesNothing() {
        String fundId = Fixtures.createFund(Fixtures.uniqueCode(), "2016/17", "60000.00");
        String own = "org-" + UUID.randomUUID();
        UUID mine = commitments.commit(Fixtures.award(UUID.randomUUID(), fundId, own, "2016/17", "5000.00"))
                .commitmentId();
        long entries = fixtures.ledgerEntries();
        long events = fixtures.outboxEvents();
        Map<String, Object> budget = Map.of("amount", "90000.00", "reason", "More money");
        Map<String, Object> details = Map.of("name", "Mine now", "fundingSource", "RESERVES", "ringFenced", false);

        expectForbidden(Fixtures.asPartner(own).body(Fixtures.fundRequest(Fixtures.uniqueCode(), List.of())),
                "POST", "/api/v1/funds");
        expectForbidden(Fixtures.asPartner(own), "GET", "/api/v1/funds");
        expectForbidden(Fixtures.asPartner(own), "GET", "/api/v1/funds/" + fundId);
        expectForbidden(Fixtures.asPartner(own).body(details), "PUT", "/api/v1/funds/" + fundId);
        expectForbidden(Fixtures.asPartner(own), "POST", "/api/v1/funds/" + fundId + "/close");
        expectForbidden(Fixtures.asPartner(own).body(budget), "PUT", "/api/v1/funds/" + fundId + "/budgets/2016-17");
        expectForbidden(Fixtures.asPartner(own).body(Map.of("change", "1.00", "reason", "More")), "POST",
                "/api/v1/funds/" + fundId + "/budgets/2016-17");
        expectForbidden(Fixtures.asPartner(own), "GET", "/api/v1/funds/" + fundId + "/balances");
        expectForbidden(Fixtures.asPartner(own).body(Map.of("financialYear", "2016/17", "amount", "1.00", "reason",
                "Ours")), "POST", "/api/v1/commitments/" + mine + "/releases");
        expectForbidden(Fixtures.asPartner(own).header("Idempotency-Key", UUID.randomUUID().toString())
                .body(payment("P-" + UUID.randomUUID())), "POST", "/api/v1/commitments/" + mine + "/payments");
        expectForbidden(Fixtures.asPartner(own).queryParam("fund", fundId).queryParam("financialYear", "2016/17"),
                "GET", "/api/v1/reconciliation");
        expectForbidden(Fixtures.asPartner(own).accept("text/csv").queryParam("fund", fundId)
                .queryParam("financialYear", "2016/17"), "GET", "/api/v1/reconciliation");
        expectForbidden(Fixtures.asPartner(own).contentType("text/csv").body("date,reference,amount,fund_code\n"),
                "POST", "/api/v1/reconciliation/statements");
        expectForbidden(Fixtures.asPartner(own), "GET", "/api/v1/exports/360giving");

        assertEquals(entries, fixtures.ledgerEntries());
        assertEquals(events, fixtures.outboxEvents());
        as("finance").get("/api/v1/funds/" + fundId).then().body("name", equalTo("Road Safety Fund"))
                .body("status", equalTo("OPEN"));
    }

    @Test
    void refusesAPartnerTokenThatNamesNoOrganisation() {
        String token = TestInfrastructure.get().tokens().mint("partner-user", List.of("partner"), null,
                Duration.ofMinutes(5));
        given().auth().oauth2(token).contentType(ContentType.JSON).get("/api/v1/commitments").then().statusCode(403)
                .contentType("application/problem+json");
        given().auth().oauth2(token).contentType(ContentType.JSON).get("/api/v1/payments").then().statusCode(403);
    }

    private static void expectForbidden(RequestSpecification request, String method, String path) {
        request.request(method, path).then().statusCode(403).contentType("application/problem+json")
                .body("type", equalTo("https://grantflow.example/problems/forbidden"));
    }
}
