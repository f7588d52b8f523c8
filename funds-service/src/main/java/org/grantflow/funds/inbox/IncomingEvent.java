package org.grantflow.funds.inbox;

import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** A CloudEvent received from another service. */
public record IncomingEvent(UUID id, String type, String subject, JsonNode data) {

    /**
     * Reads a structured-mode CloudEvent.
     *
     * @throws IllegalArgumentException if the text is not a CloudEvent this service can read
     */
    public static IncomingEvent parse(ObjectMapper json, String text) {
        try {
            JsonNode node = json.readTree(text);
            return new IncomingEvent(UUID.fromString(node.get("id").asText()), node.get("type").asText(),
                    node.path("subject").asText(null), node.get("data"));
        } catch (Exception e) {
            throw new IllegalArgumentException("Not a readable CloudEvent: " + e.getMessage(), e);
        }
    }
}
