package org.grantflow.grants.assessment;

import java.math.BigDecimal;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.grantflow.grants.api.OpenApiConventions;

/** Every assessor's scores for a bid and their mean. */
public record Assessments(List<AssessmentView> assessments,
        @Schema(type = SchemaType.STRING, format = OpenApiConventions.DECIMAL, example = "7.30", description = "Mean of the assessors' weighted scores, out of 10; absent before the first")
        BigDecimal totalScore) {
}
