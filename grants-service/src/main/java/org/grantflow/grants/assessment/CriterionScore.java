package org.grantflow.grants.assessment;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An assessor's score for one criterion, from 0 (none) to 10 (excellent). */
public record CriterionScore(
        @NotBlank @Size(max = 200) @Schema(example = "Links to the police and crime plan") String criterion,
        @Min(0) @Max(10) @Schema(example = "7") int score,
        @Size(max = 5000) @Schema(example = "Clear link to Public Focus") String comment) {
}
