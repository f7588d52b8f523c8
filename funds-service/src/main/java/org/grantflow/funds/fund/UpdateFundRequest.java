package org.grantflow.funds.fund;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A fund's details as they should be; the code, status and budgets are changed elsewhere. A cost
 * centre left out is removed.
 */
public record UpdateFundRequest(
        @Pattern(regexp = CreateFundRequest.COST_CENTRE_PATTERN,
                message = "must be 2 to 20 upper-case letters, digits or hyphens")
        @Schema(description = "The finance system's cost centre for the fund (optional, unique)", example = "CC-4410")
        String costCentreCode,
        @NotBlank @Size(max = 200) @Schema(example = "Road Safety Fund")
        String name,
        @Size(max = 4000) @Schema(description = "What the fund is for (optional)")
        String description,
        @NotNull @Schema(example = "RESERVES")
        FundingSource fundingSource,
        @NotNull @Schema(description = "Whether the money may only be spent on the fund's purpose", example = "true")
        Boolean ringFenced) {
}
