package org.grantflow.notifications.inbox;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Reads the fields of an event's {@code data}. Every reader throws {@link IllegalArgumentException}
 * when a required field is missing or unreadable.
 */
public final class EventData {

    private final JsonNode data;

    private EventData(JsonNode data) {
        this.data = data;
    }

    public static EventData of(IncomingEvent event) {
        if (event.data() == null || !event.data().isObject()) {
            throw new IllegalArgumentException("no data object");
        }
        return new EventData(event.data());
    }

    public String text(String field) {
        JsonNode value = data.get(field);
        if (value == null || !value.isTextual() || value.asText().isBlank()) {
            throw new IllegalArgumentException("'" + field + "' is missing or not a string");
        }
        return value.asText();
    }

    /** @return the text, or {@code null} when the field is absent, null or blank */
    public String optionalText(String field) {
        JsonNode value = data.get(field);
        return value == null || !value.isTextual() || value.asText().isBlank() ? null : value.asText();
    }

    public UUID uuid(String field) {
        return read(field, UUID::fromString);
    }

    public Instant instant(String field) {
        return read(field, Instant::parse);
    }

    public BigDecimal money(String field) {
        return read(field, BigDecimal::new);
    }

    public LocalDate optionalDate(String field) {
        String text = optionalText(field);
        return text == null ? null : read(field, LocalDate::parse);
    }

    /** @return the instant, or {@code null} when the field is absent or null */
    public Instant optionalInstant(String field) {
        return optionalText(field) == null ? null : instant(field);
    }

    /** @return the amount, or {@code null} when the field is absent or null */
    public BigDecimal optionalMoney(String field) {
        return optionalText(field) == null ? null : money(field);
    }

    /** @return the flag, {@code false} when the field is absent or null */
    public boolean flag(String field) {
        return data.path(field).asBoolean(false);
    }

    /** @return the whole number, or {@code fallback} when the field is absent or null */
    public long number(String field, long fallback) {
        JsonNode value = data.get(field);
        return value == null || !value.canConvertToLong() ? fallback : value.asLong();
    }

    /** The strings of an array field; empty when the field is absent. */
    public List<String> optionalTexts(String field) {
        List<String> texts = new ArrayList<>();
        for (JsonNode value : data.path(field)) {
            if (value.isTextual() && !value.asText().isBlank()) {
                texts.add(value.asText().strip());
            }
        }
        return texts;
    }

    public JsonNode node(String field) {
        return data.path(field);
    }

    private <T> T read(String field, Function<String, T> parse) {
        String text = text(field);
        try {
            return parse.apply(text);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("'" + field + "' cannot be read: " + text, e);
        }
    }
}
