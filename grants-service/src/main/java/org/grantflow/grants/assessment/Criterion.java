package org.grantflow.grants.assessment;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One thing a round's bids are scored on, and how much it counts. */
public record Criterion(
        @NotBlank @Size(max = 200) @Schema(example = "Links to the police and crime plan") String name,
        @Min(1) @Max(100) @Schema(example = "30", description = "Relative weight") int weight) {
}
