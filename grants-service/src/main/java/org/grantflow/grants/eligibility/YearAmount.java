package org.grantflow.grants.eligibility;

import java.math.BigDecimal;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.grantflow.grants.api.OpenApiConventions;

/** The part of an amount that falls in one financial year. */
public record YearAmount(
        @NotNull @Pattern(regexp = "^(19|20)\\d{2}/\\d{2}$", message = "must be a financial year such as 2017/18")
        @Schema(example = "2017/18") String financialYear,
        @NotNull @DecimalMin("0.00") @Digits(integer = 12, fraction = 2)
        @Schema(type = SchemaType.STRING, format = OpenApiConventions.DECIMAL, example = "12000.00") BigDecimal amount) {
}
