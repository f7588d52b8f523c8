package org.grantflow.funds;

import static io.restassured.RestAssured.given;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import org.grantflow.funds.commitment.AwardRequested;
import org.grantflow.funds.outbox.OutboxEvent;
import org.grantflow.infra.testing.EventContracts;
import org.grantflow.infra.testing.TestInfrastructure;
import org.grantflow.infra.testing.TestKafka;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

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

    /** Creates a fund with the given budgets (year, amount, year, amount, ...) and returns its id. */
    public static String createFund(String code, String... yearsAndAmounts) {
        List<Map<String, Object>> budgets = new java.util.ArrayList<>();
        for (int i = 0; i < yearsAndAmounts.length; i += 2) {
            budgets.add(budget(yearsAndAmounts[i], yearsAndAmounts[i + 1]));
        }
        return as("finance").body(fundRequest(code, budgets))
                .post("/api/v1/funds").then().statusCode(201).extract().path("id");
    }

    /** An award request for one organisation, profiled as given (year, amount, year, amount, ...). */
    public static AwardRequested award(UUID bidId, String fundId, String organisationId, String... yearsAndAmounts) {
        List<AwardRequested.YearAmount> profile = new java.util.ArrayList<>();
        BigDecimal total = BigDecimal.ZERO;
        for (int i = 0; i < yearsAndAmounts.length; i += 2) {
            BigDecimal amount = new BigDecimal(yearsAndAmounts[i + 1]);
            profile.add(new AwardRequested.YearAmount(yearsAndAmounts[i], amount));
            total = total.add(amount);
        }
        return new AwardRequested(bidId, UUID.randomUUID(), "Fly-Tipping Fund 2016/17", UUID.fromString(fundId),
                organisationId, "A District Council", "Cameras at fly-tipping hot spots", total, profile,
                "assessor-user", java.time.Instant.parse("2016-12-12T10:15:00Z"), null, null, null);
    }

    /** The same award with the request's optional details: what was asked for, spend-by and project end. */
    public static AwardRequested withDetails(AwardRequested award, String amountRequested, String spendBy,
            String projectEndDate) {
        return new AwardRequested(award.bidId(), award.roundId(), award.roundName(), award.fundId(),
                award.organisationId(), award.organisationName(), award.title(), award.amount(), award.profile(),
                award.requestedBy(), award.requestedAt(),
                amountRequested == null ? null : new BigDecimal(amountRequested),
                spendBy == null ? null : java.time.LocalDate.parse(spendBy),
                projectEndDate == null ? null : java.time.LocalDate.parse(projectEndDate));
    }

    /** The same award for an organisation of this name, under this title. */
    public static AwardRequested named(AwardRequested award, String organisationName, String title) {
        return new AwardRequested(award.bidId(), award.roundId(), award.roundName(), award.fundId(),
                award.organisationId(), organisationName, title, award.amount(), award.profile(),
                award.requestedBy(), award.requestedAt(), award.amountRequested(), award.spendBy(),
                award.projectEndDate());
    }

    /**
     * The documented {@code award.requested.v1} example made into a request for this bid, fund and
     * profile (year, amount, ...), checked against its contract.
     */
    public static String awardRequestedEvent(UUID eventId, UUID bidId, String fundId, String organisationId,
            String... yearsAndAmounts) {
        try {
            ObjectMapper json = new ObjectMapper();
            ObjectNode event = (ObjectNode) json.readTree(EventContracts.example("grantflow.award.requested.v1"));
            event.put("id", eventId.toString()).put("subject", bidId.toString());
            ObjectNode data = (ObjectNode) event.get("data");
            data.put("bidId", bidId.toString()).put("fundId", fundId).put("organisationId", organisationId);
            ArrayNode profile = data.putArray("profile");
            BigDecimal total = BigDecimal.ZERO;
            for (int i = 0; i < yearsAndAmounts.length; i += 2) {
                profile.addObject().put("financialYear", yearsAndAmounts[i]).put("amount", yearsAndAmounts[i + 1]);
                total = total.add(new BigDecimal(yearsAndAmounts[i + 1]));
            }
            data.put("amount", total.setScale(2).toPlainString());
            String text = json.writeValueAsString(event);
            EventContracts.assertValid(text);
            return text;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Sends an event to grants-service's bid topic, keyed by its subject, as grants-service would. */
    public static void sendBidEvent(String event) {
        String key;
        try {
            key = new ObjectMapper().readTree(event).get("subject").asText();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        TestKafka.send("grants.bid.events", key, event);
    }

    /** Waits until funds-service has answered the award of this bid, and returns the outbox row of its answer. */
    public OutboxEvent awaitAnswer(UUID bidId) {
        return org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30))
                .until(() -> answer(bidId), java.util.Objects::nonNull);
    }

    /** The latest made or refused answer about this bid, or {@code null}. */
    public OutboxEvent answer(UUID bidId) {
        return QuarkusTransaction.requiringNew().call(() -> em.createQuery("""
                FROM OutboxEvent WHERE messageKey = :bid
                AND type IN ('grantflow.commitment.made.v1', 'grantflow.commitment.refused.v1')
                ORDER BY position DESC""", OutboxEvent.class)
                .setParameter("bid", bidId.toString())
                .setMaxResults(1)
                .getResultStream().findFirst().orElse(null));
    }

    /** All outbox rows of this type about this subject, in the order they were written. */
    public List<OutboxEvent> outboxEvents(String type, String subject) {
        return QuarkusTransaction.requiringNew().call(() -> em
                .createQuery("FROM OutboxEvent WHERE type = :type AND messageKey = :subject ORDER BY position",
                        OutboxEvent.class)
                .setParameter("type", type)
                .setParameter("subject", subject)
                .getResultList());
    }

    /** How many rows a native count query finds. */
    public long countSql(String sql, Map<String, Object> parameters) {
        return QuarkusTransaction.requiringNew().call(() -> {
            var query = em.createNativeQuery(sql);
            parameters.forEach(query::setParameter);
            return ((Number) query.getSingleResult()).longValue();
        });
    }

    /** The bid a commitment is for. */
    public UUID commitmentBid(UUID commitmentId) {
        return QuarkusTransaction.requiringNew().call(() -> (UUID) em
                .createNativeQuery("SELECT bid_id FROM commitment WHERE id = :id")
                .setParameter("id", commitmentId).getSingleResult());
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
