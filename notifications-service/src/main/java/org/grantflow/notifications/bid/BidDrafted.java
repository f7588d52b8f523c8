package org.grantflow.notifications.bid;

import java.util.UUID;

import org.grantflow.notifications.inbox.EventData;
import org.grantflow.notifications.inbox.IncomingEvent;

/** What this service reads of the payload of {@code grantflow.bid.drafted.v1}. */
record BidDrafted(UUID bidId, UUID roundId, String organisationId, String title) {

    /** @throws IllegalArgumentException if a field this service needs is missing or unreadable */
    static BidDrafted from(IncomingEvent event) {
        EventData data = EventData.of(event);
        return new BidDrafted(data.uuid("bidId"), data.uuid("roundId"), data.text("organisationId"),
                data.optionalText("title"));
    }
}
