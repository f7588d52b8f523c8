package org.grantflow.funds.reconciliation;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One fund in one financial year: its totals and, per award, what was awarded, paid and is left. */
public record ReconciliationReport(
        UUID fundId,
        String fundCode,
        String fundName,
        String financialYear,
        @Schema(type = SchemaType.STRING) BigDecimal budget,
        @Schema(type = SchemaType.STRING) BigDecimal committed,
        @Schema(type = SchemaType.STRING) BigDecimal released,
        @Schema(type = SchemaType.STRING, description = "Paid, net of repayments") BigDecimal paid,
        @Schema(type = SchemaType.STRING) BigDecimal available,
        @Schema(type = SchemaType.STRING) BigDecimal outstanding,
        List<Award> awards) {

    public record Award(
            UUID commitmentId,
            UUID bidId,
            String organisationId,
            String organisationName,
            String title,
            @Schema(type = SchemaType.STRING, description = "Committed less released, this year") BigDecimal awarded,
            @Schema(type = SchemaType.STRING, description = "Paid less repaid, this year") BigDecimal paid,
            @Schema(type = SchemaType.STRING) BigDecimal remaining,
            LocalDate lastPaymentOn,
            @Schema(description = "The round's spend-by date, when it has one") LocalDate spendBy,
            @Schema(type = SchemaType.STRING, description = "Paid this year on days after the spend-by date (before "
                    + "repayments)") BigDecimal paidAfterSpendBy,
            @Schema(description = "Some payment this year is dated after the spend-by date") boolean afterSpendBy) {
    }
}
