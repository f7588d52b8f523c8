package org.grantflow.grants.bid;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.grantflow.grants.api.OpenApiConventions;
import org.grantflow.grants.eligibility.MatchFunding;
import org.grantflow.grants.eligibility.PlanPriority;
import org.grantflow.grants.eligibility.YearAmount;
import org.grantflow.grants.problem.Violation;

public record BidView(
        UUID id,
        UUID roundId,
        String organisationId,
        String title,
        String summary,
        @Schema(type = SchemaType.STRING, format = OpenApiConventions.DECIMAL, example = "12000.00") BigDecimal amountRequested,
        @Schema(type = SchemaType.STRING, format = OpenApiConventions.DECIMAL, example = "16000.00") BigDecimal totalProjectCost,
        List<MatchFunding> matchFunding,
        List<YearAmount> profile,
        LocalDate projectEndDate,
        Boolean subFunding,
        Boolean boardEndorsement,
        List<PlanPriority> planPriorities,
        String evaluationPlan,
        String sustainabilityPlan,
        BidStatus status,
        @Schema(description = "Why the bid was found ineligible at submission; empty otherwise")
        List<Violation> eligibilityViolations,
        @Schema(type = SchemaType.STRING, format = OpenApiConventions.DECIMAL, example = "7.30", description = "Mean of the assessors' weighted scores, out of 10")
        BigDecimal assessmentScore,
        @Schema(type = SchemaType.STRING, format = OpenApiConventions.DECIMAL, example = "12000.00", description = "The amount awarded (or pending award)")
        BigDecimal awardAmount,
        List<YearAmount> awardProfile,
        UUID commitmentId,
        Instant createdAt,
        Instant submittedAt,
        @Schema(description = "Send it back in If-Match (the ETag) to edit the bid") long version) {

    public static BidView of(Bid b) {
        return new BidView(b.id, b.roundId, b.organisationId, b.title, b.summary, b.amountRequested,
                b.totalProjectCost, List.copyOf(b.matchFunding), List.copyOf(b.profile), b.projectEndDate,
                b.subFunding, b.boardEndorsement, List.copyOf(b.planPriorities), b.evaluationPlan,
                b.sustainabilityPlan, b.status, List.copyOf(b.eligibilityViolations), b.assessmentScore, b.awardAmount,
                List.copyOf(b.awardProfile), b.commitmentId, b.createdAt, b.submittedAt,
                b.version);
    }
}
