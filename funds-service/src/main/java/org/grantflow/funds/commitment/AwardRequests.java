package org.grantflow.funds.commitment;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.grantflow.funds.inbox.Inbox;
import org.grantflow.funds.inbox.IncomingEvent;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Applies the events of {@code grants.bid.events} funds-service cares about: award requests. */
@ApplicationScoped
public class AwardRequests {

    static final String AWARD_REQUESTED = "grantflow.award.requested.v1";

    private static final Logger LOG = Logger.getLogger(AwardRequests.class);

    private final Inbox inbox;
    private final CommitmentService commitments;
    private final ObjectMapper json;

    AwardRequests(Inbox inbox, CommitmentService commitments, ObjectMapper json) {
        this.inbox = inbox;
        this.commitments = commitments;
        this.json = json;
    }

    /** Records the event and applies it in one transaction: a redelivered event changes nothing. */
    @Transactional
    public void apply(IncomingEvent event) {
        if (!inbox.firstDelivery(event)) {
            LOG.debugf("Event %s already processed", event.id());
            return;
        }
        if (!AWARD_REQUESTED.equals(event.type())) {
            LOG.debugf("Ignoring event type %s", event.type());
            return;
        }
        AwardRequested award;
        try {
            award = json.treeToValue(event.data(), AwardRequested.class);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            // No retry can make it readable; it stays recorded so that it is not tried again.
            LOG.errorf("Skipping unreadable award request %s: %s", event.id(), e.getMessage());
            return;
        }
        if (award.bidId() == null || award.fundId() == null) {
            LOG.errorf("Skipping award request %s without bid or fund", event.id());
            return;
        }
        CommitmentService.Decision decision = commitments.commit(award);
        LOG.infof("Award of bid %s %s", award.bidId(),
                decision.committed() ? "committed as " + decision.commitmentId() : "refused: " + decision.refusal());
    }
}
