package org.grantflow.notifications.subscription;

import java.time.Instant;
import java.util.UUID;

public record SubscriptionView(UUID fundId, String organisationId, Instant createdAt, String createdBy) {

    static SubscriptionView of(FundSubscription s) {
        return new SubscriptionView(s.fundId, s.organisationId, s.createdAt, s.createdBy);
    }
}
