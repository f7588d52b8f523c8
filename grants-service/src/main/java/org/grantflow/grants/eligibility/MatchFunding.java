package org.grantflow.grants.eligibility;

import java.math.BigDecimal;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.grantflow.grants.api.OpenApiConventions;

/** Money for the project from somewhere other than this grant. */
public record MatchFunding(
        @NotBlank @Size(max = 200) @Schema(example = "District council capital budget") String source,
        @NotNull @DecimalMin("0.00") @Digits(integer = 12, fraction = 2)
        @Schema(type = SchemaType.STRING, format = OpenApiConventions.DECIMAL, example = "4000.00") BigDecimal amount) {
}
