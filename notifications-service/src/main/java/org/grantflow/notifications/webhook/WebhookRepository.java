package org.grantflow.notifications.webhook;

import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class WebhookRepository implements PanacheRepositoryBase<Webhook, UUID> {

    public Optional<Webhook> forOrganisation(String organisationId) {
        return find("organisationId", organisationId).firstResultOptional();
    }
}
