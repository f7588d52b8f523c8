package org.grantflow.grants.assessment;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.grantflow.grants.api.OpenApiConventions;

public record AssessmentView(UUID id, UUID bidId, String assessor, List<CriterionScore> scores,
        @Schema(type = SchemaType.STRING, format = OpenApiConventions.DECIMAL, example = "7.30", description = "Weighted score out of 10") BigDecimal weightedScore,
        String comment, Instant assessedAt) {

    static AssessmentView of(Assessment a) {
        return new AssessmentView(a.id, a.bidId, a.assessor, List.copyOf(a.scores), a.weightedScore, a.comment,
                a.assessedAt);
    }
}
