package org.grantflow.grants.round;

import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Why an officer closes a round before its deadline. */
public record CloseRoundRequest(
        @Size(max = 1000) @Schema(description = "Why the round closes early, for applicants and the record",
                example = "The pot has been fully allocated")
        String note) {
}
