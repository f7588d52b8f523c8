package org.grantflow.funds.payment;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

public record PaymentView(
        UUID id,
        UUID commitmentId,
        UUID fundId,
        String organisationId,
        String financialYear,
        Payment.Kind kind,
        @Schema(type = SchemaType.STRING, example = "4000.00") BigDecimal amount,
        LocalDate paidOn,
        String financeReference,
        String invoiceReference,
        Payment.Timing timing,
        @Schema(description = "A payment dated after the award's spend-by date (recorded, but flagged); "
                + "repayments never are")
        boolean afterSpendBy,
        String recordedBy,
        Instant recordedAt) {

    static PaymentView of(Payment p) {
        return new PaymentView(p.id, p.commitmentId, p.fundId, p.organisationId, p.financialYear, p.kind, p.amount,
                p.paidOn, p.financeReference, p.invoiceReference, p.timing, p.afterSpendBy, p.recordedBy, p.recordedAt);
    }
}
