package org.grantflow.notifications.subscription;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class FundSubscriptionRepository implements PanacheRepositoryBase<FundSubscription, FundSubscription.Key> {

    /** The organisations subscribed to a fund, in id order. */
    public List<String> subscribers(UUID fundId) {
        return find("fundId = ?1 ORDER BY organisationId", fundId).stream().map(s -> s.organisationId).toList();
    }

    public boolean isSubscribed(UUID fundId, String organisationId) {
        return count("fundId = ?1 AND organisationId = ?2", fundId, organisationId) > 0;
    }
}
