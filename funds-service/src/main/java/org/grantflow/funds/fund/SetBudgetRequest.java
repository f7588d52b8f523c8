package org.grantflow.funds.fund;

import java.math.BigDecimal;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The budget a fund should have for a financial year, and why. */
public record SetBudgetRequest(
        @NotNull @DecimalMin(value = "0.00", message = "must not be negative")
        @Digits(integer = 12, fraction = 2, message = "must be pounds and pence: at most 12 digits and 2 decimals")
        @Schema(type = SchemaType.STRING, description = "The new budget for the year", example = "60000.00")
        BigDecimal amount,
        @NotBlank @Size(max = 1000) @Schema(example = "Budget agreed by the Commissioner's finance board")
        String reason) {
}
