package org.grantflow.grants.round;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

public record RoundView(
        UUID id,
        UUID fundId,
        String name,
        String financialYear,
        Round.Status status,
        Instant opensAt,
        @Schema(description = "The deadline as an instant (UTC)") Instant closesAt,
        @Schema(description = "The deadline in UK local time (Europe/London)") LocalDateTime closesAtUkTime,
        Instant createdAt,
        long version) {

    public static RoundView of(Round r) {
        return new RoundView(r.id, r.fundId, r.name, r.financialYear, r.status, r.opensAt, r.closesAt,
                UkTime.toLocal(r.closesAt), r.createdAt, r.version);
    }
}
