package org.grantflow.grants.assessment;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.grantflow.grants.bid.Bid;
import org.grantflow.grants.bid.BidHistory;
import org.grantflow.grants.bid.BidRepository;
import org.grantflow.grants.bid.BidService;
import org.grantflow.grants.bid.BidStatus;
import org.grantflow.grants.eligibility.YearAmount;
import org.grantflow.grants.inbox.Inbox;
import org.grantflow.grants.inbox.IncomingEvent;
import org.grantflow.grants.organisation.Organisation;
import org.grantflow.grants.organisation.OrganisationService;
import org.grantflow.grants.outbox.OutboxWriter;
import org.grantflow.grants.round.Round;
import org.grantflow.grants.round.RoundRepository;
import org.jboss.logging.Logger;

/** The grants side of the award saga: funds-service's answer makes an award final or sends it back. */
@ApplicationScoped
public class CommitmentEvents {

    static final String MADE = "grantflow.commitment.made.v1";
    static final String REFUSED = "grantflow.commitment.refused.v1";
    static final String AWARDED = "grantflow.bid.awarded.v1";
    private static final String FUNDS_SERVICE = "funds-service";
    private static final Logger LOG = Logger.getLogger(CommitmentEvents.class);

    private final Inbox inbox;
    private final BidRepository bids;
    private final RoundRepository rounds;
    private final OrganisationService organisations;
    private final BidHistory history;
    private final OutboxWriter outbox;
    private final Clock clock;

    CommitmentEvents(Inbox inbox, BidRepository bids, RoundRepository rounds, OrganisationService organisations,
            BidHistory history, OutboxWriter outbox, Clock clock) {
        this.inbox = inbox;
        this.bids = bids;
        this.rounds = rounds;
        this.organisations = organisations;
        this.history = history;
        this.outbox = outbox;
        this.clock = clock;
    }

    @Transactional
    public void apply(IncomingEvent event) {
        if (!inbox.firstDelivery(event)) {
            LOG.debugf("Event %s already processed", event.id());
            return;
        }
        if (!event.type().equals(MADE) && !event.type().equals(REFUSED)) {
            LOG.debugf("Ignoring event type %s", event.type());
            return;
        }
        UUID bidId = UUID.fromString(event.data().get("bidId").asText());
        Bid bid = bids.findById(bidId);
        if (bid == null || bid.status != BidStatus.AWARD_PENDING) {
            LOG.warnf("Ignoring %s for bid %s: it is not awaiting a commitment", event.type(), bidId);
            return;
        }
        Instant now = clock.instant();
        if (event.type().equals(MADE)) {
            bid.commitmentId = UUID.fromString(event.data().get("commitmentId").asText());
            history.move(bid, BidStatus.AWARDED, FUNDS_SERVICE, now, "Commitment " + bid.commitmentId + " made");
            Round round = rounds.findById(bid.roundId);
            Organisation organisation = organisations.find(bid.organisationId).orElse(null);
            outbox.write(BidService.TOPIC, AWARDED, bid.id, new BidAwarded(bid.id, round.id, round.name,
                    round.fundId, bid.organisationId, organisation == null ? null : organisation.name,
                    organisation == null ? List.of() : List.copyOf(organisation.contactEmails), bid.title,
                    bid.awardAmount, List.copyOf(bid.awardProfile), round.spendBy, bid.projectEndDate,
                    round.rules.evaluationPlanRequired(), bid.commitmentId, now));
        } else {
            String reason = event.data().path("reason").asText("The fund could not commit the award");
            bid.awardAmount = null;
            bid.awardProfile = new ArrayList<>();
            history.move(bid, BidStatus.UNDER_ASSESSMENT, FUNDS_SERVICE, now, "Award refused: " + reason);
        }
    }

    /** The payload of {@code grantflow.bid.awarded.v1}. */
    public record BidAwarded(UUID bidId, UUID roundId, String roundName, UUID fundId, String organisationId,
            String organisationName, List<String> contactEmails, String title, BigDecimal amount,
            List<YearAmount> profile, LocalDate spendBy, LocalDate projectEndDate, boolean evaluationRequired,
            UUID commitmentId, Instant awardedAt) {
    }
}
