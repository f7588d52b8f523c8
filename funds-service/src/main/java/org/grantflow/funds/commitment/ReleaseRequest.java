package org.grantflow.funds.commitment;

import java.math.BigDecimal;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.grantflow.funds.ledger.FinancialYear;

/** Money of one year of a commitment to give back to the fund, and why. */
public record ReleaseRequest(
        @NotNull @Pattern(regexp = FinancialYear.PATTERN, message = "must be a financial year such as 2019/20")
        @Schema(example = "2016/17")
        String financialYear,
        @NotNull @DecimalMin(value = "0.01", message = "must be at least 0.01")
        @Digits(integer = 12, fraction = 2, message = "must be pounds and pence: at most 12 digits and 2 decimals")
        @Schema(type = SchemaType.STRING, example = "1500.00")
        BigDecimal amount,
        @NotBlank @Size(max = 1000) @Schema(example = "Project finished under budget")
        String reason) {
}
