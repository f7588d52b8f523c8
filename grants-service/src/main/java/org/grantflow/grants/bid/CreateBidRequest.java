package org.grantflow.grants.bid;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.grantflow.grants.api.OpenApiConventions;
import org.grantflow.grants.eligibility.MatchFunding;
import org.grantflow.grants.eligibility.PlanPriority;
import org.grantflow.grants.eligibility.YearAmount;

/**
 * A new draft bid: the round and the {@link BidDetails} fields. Status, organisation and award fields
 * are the server's and cannot be sent.
 */
public record CreateBidRequest(
        @NotNull @Schema(example = "9a7b6c5d-4e3f-4a1b-8c9d-0e1f2a3b4c5d") UUID roundId,
        @NotBlank @Size(max = 200) @Schema(example = "Cameras at fly-tipping hot spots")
        String title,
        @Size(max = 10_000) @Schema(example = "Deterrent cameras on two lay-bys")
        String summary,
        @NotNull @DecimalMin(value = "0.01") @Digits(integer = 12, fraction = 2)
        @Schema(type = SchemaType.STRING, format = OpenApiConventions.DECIMAL, example = "12000.00", description = "Pounds and pence")
        BigDecimal amountRequested,
        @DecimalMin(value = "0.01") @Digits(integer = 12, fraction = 2)
        @Schema(type = SchemaType.STRING, format = OpenApiConventions.DECIMAL, example = "16000.00",
                description = "The whole cost of the project, grant and match funding together")
        BigDecimal totalProjectCost,
        @Size(max = 50) @Schema(description = "Money for the project from other sources")
        List<@NotNull @Valid MatchFunding> matchFunding,
        @Size(max = 10) @Schema(description = "The amount requested per financial year; adds up to amountRequested")
        List<@NotNull @Valid YearAmount> profile,
        @Schema(example = "2017-03-31", description = "The day the project and its spending end")
        LocalDate projectEndDate,
        @Schema(description = "Whether any of the grant would be passed on (sub-funding or further commissioning)")
        Boolean subFunding,
        @Schema(description = "Whether the Responsible Authorities Group / Board has endorsed the bid")
        Boolean boardEndorsement,
        @Size(max = 5) @Schema(description = "The police and crime plan chapters the bid links to")
        List<@NotNull PlanPriority> planPriorities,
        @Size(max = 10_000) @Schema(description = "How the project will be evaluated at the end")
        String evaluationPlan,
        @Size(max = 10_000) @Schema(description = "How the project carries on beyond the funding")
        String sustainabilityPlan) {

    public BidDetails details() {
        return new BidDetails(title, summary, amountRequested, totalProjectCost, matchFunding, profile,
                projectEndDate, subFunding, boardEndorsement, planPriorities, evaluationPlan, sustainabilityPlan);
    }
}
