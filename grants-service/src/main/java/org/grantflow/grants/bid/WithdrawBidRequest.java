package org.grantflow.grants.bid;

import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

public record WithdrawBidRequest(
        @Size(max = 2000) @Schema(description = "Why the bid is withdrawn", example = "The project found other funding")
        String reason) {
}
