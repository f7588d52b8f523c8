package org.grantflow.funds.payment;

import java.math.BigDecimal;
import java.time.LocalDate;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.grantflow.funds.ledger.FinancialYear;

/** A payment to the recipient of a commitment, or a repayment from it. */
public record RecordPaymentRequest(
        @Schema(description = "PAYMENT (default) or REPAYMENT (money paid back, clawback)", example = "PAYMENT")
        Payment.Kind kind,
        @NotNull @DecimalMin(value = "0.01", message = "must be at least 0.01")
        @Digits(integer = 12, fraction = 2, message = "must be pounds and pence: at most 12 digits and 2 decimals")
        @Schema(type = SchemaType.STRING, example = "4000.00")
        BigDecimal amount,
        @NotNull @Schema(description = "The day the money moved", example = "2017-01-16")
        LocalDate paidOn,
        @NotBlank @Size(max = 100) @Schema(description = "The finance system's reference; unique", example = "FIN-2017-00123")
        String financeReference,
        @Size(max = 100) @Schema(description = "The recipient's invoice or claim reference (optional)", example = "INV-7781")
        String invoiceReference,
        @Schema(description = "ARREARS (a claim for money spent; default) or ADVANCE", example = "ARREARS")
        Payment.Timing timing,
        @Pattern(regexp = FinancialYear.PATTERN, message = "must be a financial year such as 2019/20")
        @Schema(description = "The commitment year paid from; by default the financial year of paidOn", example = "2016/17")
        String financialYear) {
}
