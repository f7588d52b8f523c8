package org.grantflow.grants.bid;

import java.time.Instant;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One entry of a bid's history. */
public record StatusChangeView(
        @Schema(description = "The status before; absent for the first entry") BidStatus from,
        BidStatus to,
        @Schema(description = "Who made the change", example = "partner-user@district-council-01") String by,
        Instant at,
        @Schema(description = "Why, when a reason was given", example = "Project no longer needed") String reason) {

    static StatusChangeView of(BidStatusChange c) {
        return new StatusChangeView(c.fromStatus, c.toStatus, c.changedBy, c.changedAt, c.reason);
    }
}
