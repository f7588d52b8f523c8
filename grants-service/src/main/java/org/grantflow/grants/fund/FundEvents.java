package org.grantflow.grants.fund;

import java.time.Clock;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.grantflow.grants.inbox.Inbox;
import org.grantflow.grants.inbox.IncomingEvent;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.JsonNode;

/** Keeps the fund read model in step with funds-service's fund events. */
@ApplicationScoped
public class FundEvents {

    static final String CREATED = "grantflow.fund.created.v1";
    static final String UPDATED = "grantflow.fund.updated.v1";
    static final String CLOSED = "grantflow.fund.closed.v1";

    private static final Logger LOG = Logger.getLogger(FundEvents.class);

    private final Inbox inbox;
    private final FundRepository funds;
    private final Clock clock;

    FundEvents(Inbox inbox, FundRepository funds, Clock clock) {
        this.inbox = inbox;
        this.funds = funds;
        this.clock = clock;
    }

    @Transactional
    public void apply(IncomingEvent event) {
        if (!inbox.firstDelivery(event)) {
            LOG.debugf("Event %s already processed", event.id());
            return;
        }
        switch (event.type()) {
            case CREATED, UPDATED -> upsert(event.data());
            case CLOSED -> funds.findByIdOptional(fundId(event.data())).ifPresent(f -> {
                f.status = Fund.Status.CLOSED;
                f.updatedAt = clock.instant();
            });
            default -> LOG.debugf("Ignoring event type %s", event.type());
        }
    }

    private void upsert(JsonNode data) {
        UUID id = fundId(data);
        Fund fund = funds.findByIdOptional(id).orElseGet(Fund::new);
        fund.code = data.get("code").asText();
        fund.name = data.get("name").asText();
        fund.status = Fund.Status.valueOf(data.path("status").asText("OPEN"));
        fund.updatedAt = clock.instant();
        if (fund.id == null) {
            fund.id = id;
            funds.persist(fund);
        }
    }

    private static UUID fundId(JsonNode data) {
        return UUID.fromString(data.get("fundId").asText());
    }
}
