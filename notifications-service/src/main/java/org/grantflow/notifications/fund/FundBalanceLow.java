package org.grantflow.notifications.fund;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.UUID;

import org.grantflow.notifications.inbox.EventData;
import org.grantflow.notifications.inbox.IncomingEvent;

import io.quarkus.qute.TemplateData;

/** What this service reads of the payload of {@code grantflow.fund.balance-low.v1}. */
@TemplateData
public record FundBalanceLow(UUID fundId, String fundName, String financialYear, BigDecimal budget,
        BigDecimal available, BigDecimal threshold, BigDecimal share, Instant detectedAt) {

    /** @throws IllegalArgumentException if a field this service needs is missing or unreadable */
    static FundBalanceLow from(IncomingEvent event) {
        EventData data = EventData.of(event);
        return new FundBalanceLow(data.uuid("fundId"), data.optionalText("fundName"), data.text("financialYear"),
                data.money("budget"), data.money("available"), data.money("threshold"), data.money("share"),
                data.instant("detectedAt"));
    }

    /** The share as people say it: "10%". */
    public String sharePercent() {
        return share.movePointRight(2).setScale(2, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString() + "%";
    }

    /** The fund's name, or its id when the event does not carry it. */
    public String fund() {
        return fundName != null ? fundName : "fund " + fundId;
    }
}
