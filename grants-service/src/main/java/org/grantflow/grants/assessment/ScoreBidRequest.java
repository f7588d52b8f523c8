package org.grantflow.grants.assessment;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

public record ScoreBidRequest(
        @NotEmpty @Size(max = 20) @Schema(description = "One score per criterion of the round")
        List<@NotNull @Valid CriterionScore> scores,
        @Size(max = 10_000) @Schema(example = "Strong partnership; modest evidence base") String comment) {
}
