package org.grantflow.notifications;

import static io.restassured.RestAssured.given;

import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
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
    public static final String ROUND_TOPIC = "grants.round.events";
    public static final String COMMITMENT_TOPIC = "funds.commitment.events";
    public static final String FUND_TOPIC = "funds.fund.events";
    public static final String BID_SUBMITTED = "grantflow.bid.submitted.v1";
    public static final String BID_DRAFTED = "grantflow.bid.drafted.v1";
    public static final String BID_WITHDRAWN = "grantflow.bid.withdrawn.v1";
    public static final String ROUND_OPENED = "grantflow.round.opened.v1";
    public static final String COMMITMENT_MADE = "grantflow.commitment.made.v1";
    public static final String COMMITMENT_REFUSED = "grantflow.commitment.refused.v1";
    public static final String ROUND_CLOSED = "grantflow.round.closed.v1";
    public static final String BID_INELIGIBLE = "grantflow.bid.ineligible.v1";
    public static final String BID_REJECTED = "grantflow.bid.rejected.v1";
    public static final String BID_AWARDED = "grantflow.bid.awarded.v1";
    public static final String PAYMENT_RECORDED = "grantflow.payment.recorded.v1";
    public static final String FUND_BALANCE_LOW = "grantflow.fund.balance-low.v1";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ZoneId UK = ZoneId.of("Europe/London");

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

    /** As {@link #bidSubmitted(UUID, UUID, String, String)}, into the given round. */
    public static String bidSubmitted(UUID eventId, UUID bidId, UUID roundId, String organisationId, String title) {
        ObjectNode event = read(bidSubmitted(eventId, bidId, organisationId, title));
        ((ObjectNode) event.get("data")).put("roundId", roundId.toString());
        return checked(event);
    }

    /** The event with its {@code data.contactEmails} replaced by the given addresses. */
    public static String withContactEmails(String json, String... emails) {
        ObjectNode event = read(json);
        var list = ((ObjectNode) event.get("data")).putArray("contactEmails");
        for (String email : emails) {
            list.add(email);
        }
        return checked(event);
    }

    /** The documented example of {@code grantflow.round.opened.v1} for another round and deadline. */
    public static String roundOpened(UUID eventId, UUID roundId, String name, Instant closesAt) {
        ObjectNode event = read(EventContracts.example(ROUND_OPENED));
        event.put("id", eventId.toString());
        event.put("subject", roundId.toString());
        ObjectNode data = (ObjectNode) event.get("data");
        data.put("roundId", roundId.toString());
        data.put("name", name);
        data.put("opensAt", closesAt.minus(Duration.ofDays(60)).toString());
        data.put("closesAt", closesAt.toString());
        data.put("closesAtUkTime", LocalDateTime.ofInstant(closesAt, UK).toString());
        withClosingDates(data, closesAt);
        return checked(event);
    }

    /** A rolling round's {@code grantflow.round.opened.v1}: open for bids with several closing dates. */
    public static String rollingRoundOpened(UUID eventId, UUID roundId, UUID fundId, String name,
            Instant... closingDates) {
        ObjectNode event = read(roundOpened(eventId, roundId, fundId, name, closingDates[0]));
        data(event).put("rolling", true);
        withClosingDates(data(event), closingDates);
        return checked(event);
    }

    private static void withClosingDates(ObjectNode data, Instant... closingDates) {
        var dates = data.putArray("closingDates");
        for (Instant closesAt : closingDates) {
            dates.addObject().put("closesAt", closesAt.toString())
                    .put("closesAtUkTime", LocalDateTime.ofInstant(closesAt, UK).toString());
        }
    }

    /** As {@link #roundOpened(UUID, UUID, String, Instant)}, in another fund. */
    public static String roundOpened(UUID eventId, UUID roundId, UUID fundId, String name, Instant closesAt) {
        ObjectNode event = read(roundOpened(eventId, roundId, name, closesAt));
        data(event).put("fundId", fundId.toString());
        return checked(event);
    }

    /** {@code grantflow.bid.drafted.v1}, checked against its contract once it is in docs/events. */
    public static String bidDrafted(UUID eventId, UUID bidId, UUID roundId, String organisationId, String title) {
        ObjectNode event = envelope(BID_DRAFTED, eventId, bidId);
        event.putObject("data").put("bidId", bidId.toString()).put("roundId", roundId.toString())
                .put("fundId", UUID.randomUUID().toString()).put("organisationId", organisationId)
                .put("title", title).put("createdAt", "2026-09-01T09:00:00Z");
        return checked(event);
    }

    /** {@code grantflow.bid.withdrawn.v1} of a draft, checked against its contract once it is in docs/events. */
    public static String bidWithdrawn(UUID eventId, UUID bidId, UUID roundId, String organisationId, String title,
            String reason) {
        ObjectNode event = envelope(BID_WITHDRAWN, eventId, bidId);
        event.putObject("data").put("bidId", bidId.toString()).put("roundId", roundId.toString())
                .put("roundName", "Fly-Tipping Fund 2016/17").put("fundId", UUID.randomUUID().toString())
                .put("organisationId", organisationId).put("title", title).put("previousStatus", "DRAFT")
                .put("withdrawnAt", "2016-11-10T10:30:00Z").put("withdrawnBy", "partner-user@" + organisationId)
                .put("reason", reason);
        return checked(event);
    }

    /** The documented example of {@code grantflow.commitment.made.v1} or {@code .refused.v1} for a bid. */
    public static String commitment(String type, UUID eventId, UUID bidId, String organisationId) {
        ObjectNode event = read(EventContracts.example(type));
        event.put("id", eventId.toString());
        event.put("subject", bidId.toString());
        ((ObjectNode) event.get("data")).put("bidId", bidId.toString()).put("organisationId", organisationId);
        return checked(event);
    }

    /**
     * The documented example of an event type with a fresh event id and the given subject, to be
     * changed and then sent with {@link #checked(ObjectNode)}.
     */
    public static ObjectNode example(String type, UUID eventId, UUID subject) {
        ObjectNode event = read(EventContracts.example(type));
        event.put("id", eventId.toString());
        event.put("subject", subject.toString());
        return event;
    }

    /** The {@code data} of an event, to change. */
    public static ObjectNode data(ObjectNode event) {
        return (ObjectNode) event.get("data");
    }

    public static void sendFundEvent(UUID fundId, String json) {
        TestKafka.send(FUND_TOPIC, fundId.toString(), json);
    }

    public static void sendRoundEvent(UUID roundId, String json) {
        TestKafka.send(ROUND_TOPIC, roundId.toString(), json);
    }

    public static void sendCommitmentEvent(UUID bidId, String json) {
        TestKafka.send(COMMITMENT_TOPIC, bidId.toString(), json);
    }

    private static ObjectNode envelope(String type, UUID eventId, UUID subject) {
        ObjectNode event = read(EventContracts.example(BID_SUBMITTED));
        event.put("id", eventId.toString());
        event.put("subject", subject.toString());
        event.put("type", type);
        return event;
    }

    /** Checks an event against its contract, if its type has one in docs/events yet. */
    public static String checked(ObjectNode event) {
        String json = event.toString();
        String schema = event.get("type").asText().substring("grantflow.".length()) + ".schema.json";
        if (Files.exists(EventContracts.directory().resolve(schema))) {
            EventContracts.assertValid(json);
        }
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
