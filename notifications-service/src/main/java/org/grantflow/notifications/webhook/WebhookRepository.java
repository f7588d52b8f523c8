package org.grantflow.notifications.webhook;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.grantflow.notifications.TransactionMemo;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class WebhookRepository implements PanacheRepositoryBase<Webhook, UUID> {

    private static final String REGISTERED = "webhooks";

    private final TransactionMemo memo;

    WebhookRepository(TransactionMemo memo) {
        this.memo = memo;
    }

    public Optional<Webhook> forOrganisation(String organisationId) {
        return find("organisationId", organisationId).firstResultOptional();
    }

    /**
     * The organisation's webhook for delivering to it, read once per transaction (a batch of events
     * notifies the same organisations again and again).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<Webhook> registeredBy(String organisationId) {
        return memo.get(REGISTERED, organisationId, Optional.empty(), this::read);
    }

    /** Reads the webhooks of organisations in one query, for the rest of the transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void load(Collection<String> organisationIds) {
        memo.lookUp(REGISTERED, organisationIds, Optional.empty(), this::read);
    }

    private Map<String, Optional<Webhook>> read(List<String> organisationIds) {
        @SuppressWarnings("unchecked")
        List<Webhook> webhooks = getEntityManager()
                .createNativeQuery("SELECT * FROM webhook WHERE organisation_id = ANY (:orgs)", Webhook.class)
                .setParameter("orgs", organisationIds.toArray(String[]::new))
                .getResultList();
        return webhooks.stream().collect(Collectors.toMap(w -> w.organisationId, Optional::of));
    }
}
