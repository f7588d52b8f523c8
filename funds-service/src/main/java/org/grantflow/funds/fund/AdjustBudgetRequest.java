package org.grantflow.funds.fund;

import java.math.BigDecimal;

import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A change to a fund's budget for a financial year, up (positive) or down (negative), and why. */
public record AdjustBudgetRequest(
        @NotNull
        @Digits(integer = 12, fraction = 2, message = "must be pounds and pence: at most 12 digits and 2 decimals")
        @Schema(type = SchemaType.STRING, description = "Added to the budget; negative to lower it", example = "-5000.00")
        BigDecimal change,
        @NotBlank @Size(max = 1000) @Schema(example = "Reserve drawn down for the second round")
        String reason) {
}
