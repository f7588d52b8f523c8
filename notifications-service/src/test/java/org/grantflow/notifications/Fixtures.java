package org.grantflow.notifications;

import static io.restassured.RestAssured.given;

import java.util.UUID;

import org.grantflow.infra.testing.EventContracts;
import org.grantflow.infra.testing.TestInfrastructure;
import org.grantflow.infra.testing.TestKafka;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/** Callers with tokens, and events as grants-service would send them. */
public final class Fixtures {

    public static final String BID_TOPIC = "grants.bid.events";
    public static final String BID_SUBMITTED = "grantflow.bid.submitted.v1";

    private static final ObjectMapper JSON = new ObjectMapper();

    private Fixtures() {
    }

    public static RequestSpecification as(String role) {
        return given().auth().oauth2(TestInfrastructure.get().tokens().staff(role)).contentType(ContentType.JSON);
    }

    public static RequestSpecification asPartner(String organisationId) {
        return given().auth().oauth2(TestInfrastructure.get().tokens().partner(organisationId))
                .contentType(ContentType.JSON);
    }

    /** A fresh organisation id, so that tests do not see each other's notifications. */
    public static String organisation() {
        return "council-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /**
     * The documented example of {@code grantflow.bid.submitted.v1}, with a fresh event id and the
     * given bid and organisation; checked against its contract.
     */
    public static String bidSubmitted(UUID eventId, UUID bidId, String organisationId) {
        return bidSubmitted(eventId, bidId, organisationId, null);
    }

    /** As {@link #bidSubmitted(UUID, UUID, String)}, with another title when {@code title} is given. */
    public static String bidSubmitted(UUID eventId, UUID bidId, String organisationId, String title) {
        ObjectNode event = read(EventContracts.example(BID_SUBMITTED));
        event.put("id", eventId.toString());
        event.put("subject", bidId.toString());
        ObjectNode data = (ObjectNode) event.get("data");
        data.put("bidId", bidId.toString());
        data.put("organisationId", organisationId);
        if (title != null) {
            data.put("title", title);
        }
        String json = event.toString();
        EventContracts.assertValid(json);
        return json;
    }

    /** An event of the given type, which this service does not know, about a bid. */
    public static String eventOfType(String type, UUID eventId, UUID bidId) {
        ObjectNode event = read(EventContracts.example(BID_SUBMITTED));
        event.put("id", eventId.toString());
        event.put("subject", bidId.toString());
        event.put("type", type);
        event.putObject("data").put("bidId", bidId.toString());
        return event.toString();
    }

    /** Sends an event to the bid topic, keyed by its bid, as grants-service does. */
    public static void sendBidEvent(UUID bidId, String json) {
        TestKafka.send(BID_TOPIC, bidId.toString(), json);
    }

    private static ObjectNode read(String json) {
        try {
            return (ObjectNode) JSON.readTree(json);
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }
}
