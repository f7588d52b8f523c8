package org.grantflow.notifications.award;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.grantflow.notifications.commitment.YearAmount;
import org.grantflow.notifications.inbox.EventData;
import org.grantflow.notifications.inbox.IncomingEvent;

import io.quarkus.qute.TemplateData;

/** What this service reads of the payload of {@code grantflow.bid.awarded.v1}. */
@TemplateData
public record BidAwarded(UUID bidId, UUID roundId, String roundName, String organisationId, String title,
        BigDecimal amount, List<YearAmount> profile, UUID commitmentId, Instant awardedAt, LocalDate spendBy,
        LocalDate projectEndDate, boolean evaluationRequired, List<String> contactEmails) {

    /** @throws IllegalArgumentException if a field this service needs is missing or unreadable */
    static BidAwarded from(IncomingEvent event) {
        EventData data = EventData.of(event);
        return new BidAwarded(data.uuid("bidId"), data.uuid("roundId"), data.text("roundName"),
                data.text("organisationId"), data.text("title"), data.money("amount"),
                YearAmount.listOf(data.node("profile")), data.uuid("commitmentId"), data.instant("awardedAt"),
                data.optionalDate("spendBy"), data.optionalDate("projectEndDate"), data.flag("evaluationRequired"),
                data.optionalTexts("contactEmails"));
    }
}
