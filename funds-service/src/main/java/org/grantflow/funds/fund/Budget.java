package org.grantflow.funds.fund;

import java.math.BigDecimal;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A fund's budget for one financial year, as the sum of its ledger entries. */
public record Budget(
        @Schema(example = "2019/20") String financialYear,
        @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING,
                description = "Pounds and pence as an exact decimal string", example = "750000.00")
        BigDecimal amount) {
}
