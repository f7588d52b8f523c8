package org.grantflow.funds.commitment;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

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
        applyAll(List.of(event));
    }

    /**
     * Records the events and applies them in one transaction, in order; each award is still decided
     * on its own (see {@link CommitmentService#commitAll}). Redelivered events change nothing.
     */
    @Transactional
    public void applyAll(List<IncomingEvent> events) {
        Set<UUID> firstSeen = inbox.firstDeliveries(events);
        List<AwardRequested> awards = new ArrayList<>(events.size());
        for (IncomingEvent event : events) {
            // remove: an event delivered twice in one batch is applied once
            if (!firstSeen.remove(event.id())) {
                LOG.debugf("Event %s already processed", event.id());
                continue;
            }
            AwardRequested award = awardToDecide(event);
            if (award != null) {
                awards.add(award);
            }
        }
        if (awards.isEmpty()) {
            return;
        }
        List<CommitmentService.Decision> decisions = commitments.commitAll(awards);
        long refused = decisions.stream().filter(d -> !d.committed()).count();
        decisions.stream().filter(d -> !d.committed())
                .forEach(d -> LOG.infof("Award of bid %s refused: %s", d.bidId(), d.refusal()));
        LOG.debugf("%d award request(s): %d committed, %d refused", decisions.size(), decisions.size() - refused,
                refused);
    }

    /** The award a newly seen event asks for, or {@code null} if it asks for none. */
    private AwardRequested awardToDecide(IncomingEvent event) {
        if (!AWARD_REQUESTED.equals(event.type())) {
            LOG.debugf("Ignoring event type %s", event.type());
            return null;
        }
        AwardRequested award;
        try {
            award = json.treeToValue(event.data(), AwardRequested.class);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            // No retry can make it readable; it stays recorded so that it is not tried again.
            LOG.errorf("Skipping unreadable award request %s: %s", event.id(), e.getMessage());
            return null;
        }
        if (award.bidId() == null || award.fundId() == null) {
            LOG.errorf("Skipping award request %s without bid or fund", event.id());
            return null;
        }
        return award;
    }
}
