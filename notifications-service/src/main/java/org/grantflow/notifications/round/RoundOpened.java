package org.grantflow.notifications.round;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.grantflow.notifications.inbox.EventData;
import org.grantflow.notifications.inbox.IncomingEvent;

import io.quarkus.qute.TemplateData;

/** What this service reads of the payload of {@code grantflow.round.opened.v1}. */
@TemplateData
public record RoundOpened(UUID roundId, UUID fundId, String fundName, String name, String financialYear,
        Instant opensAt, Instant closesAt, LocalDate spendBy) {

    /** @throws IllegalArgumentException if a field this service needs is missing or unreadable */
    static RoundOpened from(IncomingEvent event) {
        EventData data = EventData.of(event);
        return new RoundOpened(data.uuid("roundId"), data.uuid("fundId"), data.text("fundName"), data.text("name"),
                data.text("financialYear"), data.instant("opensAt"), data.instant("closesAt"),
                data.optionalDate("spendBy"));
    }
}
