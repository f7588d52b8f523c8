package org.grantflow.notifications.round;

import java.time.Instant;
import java.util.UUID;

import org.grantflow.notifications.inbox.EventData;
import org.grantflow.notifications.inbox.IncomingEvent;

import io.quarkus.qute.TemplateData;

/** What this service reads of the payload of {@code grantflow.round.closed.v1}. */
@TemplateData
public record RoundClosed(UUID roundId, UUID fundId, String fundName, String name, Instant closedAt,
        String reason, String closedBy, String note, Long submittedBids) {

    /** @throws IllegalArgumentException if a field this service needs is missing or unreadable */
    static RoundClosed from(IncomingEvent event) {
        EventData data = EventData.of(event);
        long submitted = data.number("submittedBids", -1);
        return new RoundClosed(data.uuid("roundId"), data.uuid("fundId"), data.optionalText("fundName"),
                data.text("name"), data.instant("closedAt"), data.text("reason"), data.optionalText("closedBy"),
                data.optionalText("note"), submitted < 0 ? null : submitted);
    }

    /** "14 bids were submitted", or {@code null} when the event does not say. */
    public String submittedInWords() {
        if (submittedBids == null) {
            return null;
        }
        return submittedBids == 1 ? "1 bid was submitted" : submittedBids + " bids were submitted";
    }

    /** Whether an officer closed it before its deadline. */
    public boolean closedEarly() {
        return "CLOSED_BY_OFFICER".equals(reason);
    }
}
