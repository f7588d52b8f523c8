package org.grantflow.grants.assessment;

import java.math.BigDecimal;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.grantflow.grants.api.OpenApiConventions;
import org.grantflow.grants.eligibility.YearAmount;

/** An officer's decision on a bid. */
public record DecisionRequest(
        @NotNull @Schema(example = "AWARD") Outcome outcome,
        @DecimalMin("0.01") @Digits(integer = 12, fraction = 2)
        @Schema(type = SchemaType.STRING, format = OpenApiConventions.DECIMAL, example = "12000.00", description = "For an award: at most the amount requested")
        BigDecimal amount,
        @Size(max = 10)
        @Schema(description = "For an award: the amount per financial year, adding up to amount; defaults to the bid's profile when the whole request is awarded, else to the round's financial year")
        List<@NotNull @Valid YearAmount> profile,
        @Size(max = 5000) @Schema(example = "Strong evidence base; scored 7.3 of 10", description = "Why; required for a rejection")
        String reason) {

    public enum Outcome {
        AWARD, REJECT
    }
}
