package org.grantflow.funds.reconciliation;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A finance-system statement set against the payments Grantflow recorded. */
public record StatementMatch(
        @Schema(description = "Statement lines read") int lines,
        @Schema(description = "Same reference, same amount") List<Item> matched,
        @Schema(description = "Same reference, different amount") List<Item> amountDiffers,
        @Schema(description = "On the statement, unknown to Grantflow") List<Item> onlyInFinanceSystem,
        @Schema(description = "Recorded in Grantflow for the statement's funds and dates, not on the statement")
        List<Item> onlyInGrantflow) {

    /** Amounts are signed: money paid back is negative. */
    public record Item(
            @Schema(description = "Statement line, when on the statement") Integer line,
            String reference,
            LocalDate date,
            @Schema(description = "The fund's code, also where the statement named its cost centre") String fundCode,
            @Schema(type = SchemaType.STRING) BigDecimal statementAmount,
            @Schema(type = SchemaType.STRING) BigDecimal grantflowAmount,
            UUID paymentId) {
    }
}
