package org.grantflow.grants.bid;

import java.math.BigDecimal;
import java.util.UUID;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A new draft bid. Status, organisation and award fields are the server's and cannot be sent. */
public record CreateBidRequest(
        @NotNull UUID roundId,
        @NotBlank @Size(max = 200) @Schema(example = "Safer streets in the town centre")
        String title,
        @Size(max = 10_000) String summary,
        @NotNull @DecimalMin(value = "0.01") @Digits(integer = 12, fraction = 2)
        @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING, example = "12000.00",
                description = "Pounds and pence")
        BigDecimal amountRequested,
        @DecimalMin(value = "0.01") @Digits(integer = 12, fraction = 2)
        @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING, example = "16000.00",
                description = "The whole cost of the project, grant and match funding together")
        BigDecimal totalProjectCost) {
}
