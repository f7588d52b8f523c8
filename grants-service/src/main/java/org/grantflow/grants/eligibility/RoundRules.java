package org.grantflow.grants.eligibility;

import java.math.BigDecimal;
import java.util.List;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.grantflow.grants.api.OpenApiConventions;

/**
 * The eligibility rules a round sets. Absent or false means the rule does not apply. The deadline
 * and spend-by date belong to the round itself and are always checked.
 */
@Schema(description = "The round's eligibility rules; leave out what does not apply")
public record RoundRules(
        @DecimalMin("0.01") @Digits(integer = 12, fraction = 2)
        @Schema(type = SchemaType.STRING, format = OpenApiConventions.DECIMAL, example = "5000.00", description = "Smallest amount a bid may ask for")
        BigDecimal minimumAmount,
        @DecimalMin("0.01") @Digits(integer = 12, fraction = 2)
        @Schema(type = SchemaType.STRING, format = OpenApiConventions.DECIMAL, example = "60000.00", description = "Largest amount a bid may ask for")
        BigDecimal maximumAmount,
        @DecimalMin("0.01") @DecimalMax("100") @Digits(integer = 3, fraction = 2)
        @Schema(type = SchemaType.STRING, format = OpenApiConventions.DECIMAL, example = "75", description = "Largest share of the total project cost the grant may cover, in percent; the rest must be match-funded")
        BigDecimal maximumInterventionRate,
        @Schema(example = "[\"Fly Tipping Group\"]", description = "Named groups whose members may bid")
        List<@NotBlank String> eligibleGroups,
        @Schema(description = "Organisation types that may bid (either a group or a type suffices)")
        List<OrganisationType> eligibleOrganisationTypes,
        @Min(1) @Max(10) @Schema(example = "3", description = "Most financial years a bid's profile may span")
        Integer maximumFinancialYears,
        @Schema(description = "No sub-funding or further commissioning") boolean noSubFunding,
        @Schema(description = "The Responsible Authorities Group / Board must endorse the bid") boolean endorsementRequired,
        @Schema(description = "The bid must link to a police and crime plan priority") boolean planPriorityRequired,
        @Schema(description = "The bid must include an evaluation plan") boolean evaluationPlanRequired,
        @Schema(description = "The bid must show sustainability beyond the funding") boolean sustainabilityRequired,
        @Schema(description = "The bid must bring matched funding") boolean matchFundingRequired) {

    public static final RoundRules NONE = new RoundRules(null, null, null, null, null, null, false, false, false,
            false, false, false);

    public RoundRules {
        eligibleGroups = eligibleGroups == null ? List.of() : List.copyOf(eligibleGroups);
        eligibleOrganisationTypes = eligibleOrganisationTypes == null ? List.of()
                : List.copyOf(eligibleOrganisationTypes);
    }
}
