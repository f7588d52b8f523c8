package org.grantflow.notifications.award;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

import org.grantflow.notifications.inbox.EventData;
import org.grantflow.notifications.inbox.IncomingEvent;

import io.quarkus.qute.TemplateData;

/** What this service reads of the payload of {@code grantflow.payment.recorded.v1}. */
@TemplateData
public record PaymentRecorded(UUID paymentId, UUID commitmentId, UUID bidId, String organisationId, String kind,
        String financialYear, BigDecimal amount, LocalDate paidOn, String financeReference,
        String invoiceReference) {

    /** @throws IllegalArgumentException if a field this service needs is missing or unreadable */
    static PaymentRecorded from(IncomingEvent event) {
        EventData data = EventData.of(event);
        return new PaymentRecorded(data.uuid("paymentId"), data.uuid("commitmentId"), data.uuid("bidId"),
                data.text("organisationId"), data.text("kind"), data.text("financialYear"), data.money("amount"),
                data.optionalDate("paidOn"), data.text("financeReference"), data.optionalText("invoiceReference"));
    }

    /** Money paid back by the organisation, rather than paid to it. */
    public boolean repayment() {
        return "REPAYMENT".equals(kind);
    }
}
