package org.grantflow.grants.bid;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.grantflow.grants.api.Filter;
import org.grantflow.grants.api.Page;
import org.grantflow.grants.outbox.OutboxWriter;
import org.grantflow.grants.problem.DomainException;
import org.grantflow.grants.problem.Violation;
import org.grantflow.grants.round.Round;
import org.grantflow.grants.round.RoundRepository;
import org.grantflow.grants.round.UkTime;
import org.grantflow.grants.security.Caller;

import io.quarkus.panache.common.Sort;

@ApplicationScoped
public class BidService {

    public static final String TOPIC = "grants.bid.events";
    static final String SUBMITTED = "grantflow.bid.submitted.v1";
    private static final DateTimeFormatter DEADLINE = DateTimeFormatter.ofPattern("HH:mm 'on' EEEE d MMMM yyyy",
            Locale.UK);

    private final BidRepository bids;
    private final RoundRepository rounds;
    private final OutboxWriter outbox;
    private final Clock clock;

    BidService(BidRepository bids, RoundRepository rounds, OutboxWriter outbox, Clock clock) {
        this.bids = bids;
        this.rounds = rounds;
        this.outbox = outbox;
        this.clock = clock;
    }

    @Transactional
    public BidView createDraft(CreateBidRequest request, Caller partner) {
        Round round = rounds.findByIdOptional(request.roundId()).orElseThrow(() -> DomainException.unprocessable(
                "unknown-round", "The round is not known",
                new Violation("UNKNOWN_ROUND", "roundId", "No round with id " + request.roundId())));
        Instant now = clock.instant();
        requireOpen(round, now, "roundId");
        Bid bid = new Bid();
        bid.id = UUID.randomUUID();
        bid.roundId = round.id;
        bid.organisationId = partner.organisationId();
        bid.title = request.title();
        bid.summary = request.summary();
        bid.amountRequested = money(request.amountRequested());
        bid.totalProjectCost = money(request.totalProjectCost());
        bid.status = BidStatus.DRAFT;
        bid.createdBy = partner.name();
        bid.createdAt = now;
        bids.persist(bid);
        return BidView.of(bid);
    }

    @Transactional
    public BidView submit(UUID id, Caller partner) {
        Bid bid = visibleBid(id, partner);
        if (bid.status != BidStatus.DRAFT) {
            throw DomainException.conflict("bid-not-draft", "Only a draft can be submitted",
                    "The bid is " + bid.status + ", not DRAFT");
        }
        Round round = rounds.findById(bid.roundId);
        Instant now = clock.instant();
        requireOpen(round, now, "submittedAt");
        bid.status = BidStatus.SUBMITTED;
        bid.submittedAt = now;
        outbox.write(TOPIC, SUBMITTED, bid.id, new BidSubmitted(bid.id, round.id, round.name, round.fundId,
                bid.organisationId, bid.title, bid.amountRequested, bid.totalProjectCost, now, partner.name()));
        return BidView.of(bid);
    }

    @Transactional
    public BidView get(UUID id, Caller caller) {
        return BidView.of(visibleBid(id, caller));
    }

    /** Partners see only their own organisation's bids, whatever filter they send. */
    @Transactional
    public Page<BidView> list(UUID roundId, BidStatus status, String organisationId, Caller caller, int page,
            int size) {
        String organisation = caller.isPartner() ? caller.organisationId() : organisationId;
        Filter filter = new Filter().equal("roundId", roundId).equal("status", status)
                .equal("organisationId", organisation);
        return Page.of(bids.find(filter.query(), Sort.by("createdAt").and("id"), filter.parameters()), page, size,
                BidView::of);
    }

    /** Another organisation's bid answers as if it did not exist. */
    private Bid visibleBid(UUID id, Caller caller) {
        return bids.findByIdOptional(id).filter(b -> caller.maySee(b.organisationId))
                .orElseThrow(() -> DomainException.notFound("bid", id));
    }

    private static void requireOpen(Round round, Instant now, String field) {
        if (!round.acceptsBidsAt(now)) {
            throw DomainException.unprocessable("round-closed", "The round does not accept bids",
                    new Violation("DEADLINE", field, "The round '" + round.name + "' closed at "
                            + DEADLINE.format(UkTime.toLocal(round.closesAt)) + " (UK time)"));
        }
    }

    private static BigDecimal money(BigDecimal amount) {
        return amount == null ? null : amount.setScale(2);
    }

    /** The payload of {@code grantflow.bid.submitted.v1}. */
    public record BidSubmitted(UUID bidId, UUID roundId, String roundName, UUID fundId, String organisationId,
            String title, BigDecimal amountRequested, BigDecimal totalProjectCost, Instant submittedAt,
            String submittedBy) {
    }
}
