package org.grantflow.grants.fund;

import static org.awaitility.Awaitility.await;
import static org.grantflow.grants.Fixtures.as;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.grantflow.infra.testing.EventContracts;
import org.grantflow.infra.testing.TestKafka;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/** grants-service learns funds from funds-service's events, once each. */
@QuarkusTest
class FundEventsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    EntityManager em;
    @Inject
    FundRepository funds;

    @Test
    void learnsAFundFromTheDocumentedEventAndOpensRoundsForIt() throws Exception {
        UUID fundId = UUID.randomUUID();
        send(event(UUID.randomUUID(), "grantflow.fund.created.v1", fundId, "Road Safety Fund"));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> as("assessor").get("/api/v1/funds?size=200").then()
                .body("items.find { it.id == '" + fundId + "' }.name", equalTo("Road Safety Fund")));
        as("assessor").body(java.util.Map.of("fundId", fundId, "name", "Road Safety Fund round 2",
                "financialYear", "2026/27", "closesAt", "2027-03-01T12:00:00"))
                .post("/api/v1/rounds").then().statusCode(201);
    }

    @Test
    void appliesARedeliveredEventOnlyOnce() throws Exception {
        UUID fundId = UUID.randomUUID();
        UUID created = UUID.randomUUID();
        String createdEvent = event(created, "grantflow.fund.created.v1", fundId, "Volunteering Fund");
        send(createdEvent);
        send(event(UUID.randomUUID(), "grantflow.fund.updated.v1", fundId, "Volunteering Fund (renamed)"));
        await().atMost(Duration.ofSeconds(30)).until(() -> name(fundId).equals("Volunteering Fund (renamed)"));

        // Redelivered: it must not roll the name back. A later marker on the same key tells us it was read.
        send(createdEvent);
        UUID marker = UUID.randomUUID();
        send(event(marker, "grantflow.fund.budget-set.v1", fundId, "ignored"));
        await().atMost(Duration.ofSeconds(30)).until(() -> processed(marker) == 1);

        assertEquals("Volunteering Fund (renamed)", name(fundId));
        assertEquals(1, processed(created));
    }

    private String event(UUID id, String type, UUID fundId, String name) throws Exception {
        ObjectNode event = (ObjectNode) JSON.readTree(EventContracts.example("grantflow.fund.created.v1"));
        event.put("id", id.toString()).put("type", type).put("subject", fundId.toString());
        ((ObjectNode) event.get("data")).put("fundId", fundId.toString()).put("name", name)
                .put("code", "F" + fundId.toString().substring(0, 5).toUpperCase());
        String json = JSON.writeValueAsString(event);
        if (type.equals("grantflow.fund.created.v1")) {
            EventContracts.assertValid(json);
        }
        return json;
    }

    private static void send(String event) throws Exception {
        TestKafka.send("funds.fund.events", JSON.readTree(event).get("subject").asText(), event);
    }

    private String name(UUID fundId) {
        return QuarkusTransaction.requiringNew()
                .call(() -> funds.findByIdOptional(fundId).map(f -> f.name).orElse(""));
    }

    private long processed(UUID eventId) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em
                .createNativeQuery("SELECT count(*) FROM processed_event WHERE event_id = :id")
                .setParameter("id", eventId).getSingleResult()).longValue());
    }
}
