package org.grantflow.notifications.round;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.UUID;

import org.grantflow.notifications.inbox.EventData;
import org.grantflow.notifications.inbox.IncomingEvent;
import org.grantflow.notifications.reminder.ReminderSchedule;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.qute.TemplateData;

/**
 * What this service reads of the payload of {@code grantflow.round.opened.v1}. A rolling round has
 * several closing dates; an ordinary one has its {@code closesAt} only.
 */
@TemplateData
public record RoundOpened(UUID roundId, UUID fundId, String fundName, String name, String financialYear,
        Instant opensAt, Instant closesAt, LocalDate spendBy, boolean rolling, List<Instant> closingDates,
        long gracePeriodSeconds) {

    /** @throws IllegalArgumentException if a field this service needs is missing or unreadable */
    static RoundOpened from(IncomingEvent event) {
        EventData data = EventData.of(event);
        Instant closesAt = data.instant("closesAt");
        TreeSet<Instant> closing = new TreeSet<>();
        closing.add(closesAt);
        for (JsonNode date : data.node("closingDates")) {
            try {
                closing.add(Instant.parse(date.path("closesAt").asText()));
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("'closingDates' holds an unreadable closesAt: " + date, e);
            }
        }
        return new RoundOpened(data.uuid("roundId"), data.uuid("fundId"), data.text("fundName"), data.text("name"),
                data.text("financialYear"), data.instant("opensAt"), closesAt, data.optionalDate("spendBy"),
                data.flag("rolling"), new ArrayList<>(closing), Math.max(0, data.number("gracePeriodSeconds", 0)));
    }

    /** The closing dates after the first, for the message about a rolling round. */
    public List<Instant> laterClosingDates() {
        return closingDates.stream().filter(c -> c.isAfter(closesAt)).toList();
    }

    /** How long bids are still taken after each closing date, in words; {@code null} for none. */
    public String grace() {
        return gracePeriodSeconds == 0 ? null
                : ReminderSchedule.durationInWords(Duration.ofSeconds(gracePeriodSeconds));
    }
}
