package org.grantflow.funds;

import static io.restassured.RestAssured.given;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import org.grantflow.funds.outbox.OutboxEvent;
import org.grantflow.infra.testing.TestInfrastructure;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/** Callers with tokens, valid requests to vary, and a look into the database. */
@ApplicationScoped
public class Fixtures {

    private final EntityManager em;

    Fixtures(EntityManager em) {
        this.em = em;
    }

    public static RequestSpecification as(String role) {
        return given().auth().oauth2(TestInfrastructure.get().tokens().staff(role)).contentType(ContentType.JSON);
    }

    public static RequestSpecification asPartner(String organisationId) {
        return given().auth().oauth2(TestInfrastructure.get().tokens().partner(organisationId))
                .contentType(ContentType.JSON);
    }

    /** A code no other test uses. */
    public static String uniqueCode() {
        return "T-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase(Locale.ROOT);
    }

    public static Map<String, Object> budget(String financialYear, String amount) {
        return Map.of("financialYear", financialYear, "amount", amount);
    }

    /** A valid request to create a fund with the given budgets. */
    public static Map<String, Object> fundRequest(String code, List<Map<String, Object>> budgets) {
        return Map.of("code", code,
                "name", "Road Safety Fund",
                "description", "Ring-fenced reserve fed by driving-offence court costs.",
                "fundingSource", "RESERVES",
                "ringFenced", true,
                "budgets", budgets);
    }

    /** Creates a fund through the API as a finance officer and returns its id. */
    public static String createFund(String code) {
        return as("finance").body(fundRequest(code, List.of(budget("2019/20", "750000.00"))))
                .post("/api/v1/funds").then().statusCode(201).extract().path("id");
    }

    public long funds() {
        return count("SELECT count(f) FROM Fund f");
    }

    public long ledgerEntries() {
        return count("SELECT count(e) FROM LedgerEntry e");
    }

    public long outboxEvents() {
        return count("SELECT count(e) FROM OutboxEvent e");
    }

    /** The outbox row of the event of this type about this subject. */
    public OutboxEvent outboxEvent(String type, String subject) {
        return QuarkusTransaction.requiringNew().call(() -> em
                .createQuery("FROM OutboxEvent WHERE type = :type AND messageKey = :subject", OutboxEvent.class)
                .setParameter("type", type)
                .setParameter("subject", subject)
                .getSingleResult());
    }

    private long count(String query) {
        return QuarkusTransaction.requiringNew().call(() -> em.createQuery(query, Long.class).getSingleResult());
    }
}
