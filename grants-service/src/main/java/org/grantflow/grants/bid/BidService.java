package org.grantflow.grants.bid;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.OptimisticLockException;
import jakarta.transaction.Transactional;

import org.grantflow.grants.api.Filter;
import org.grantflow.grants.api.Page;
import org.grantflow.grants.eligibility.Applicant;
import org.grantflow.grants.eligibility.DeadlineRule;
import org.grantflow.grants.idempotency.IdempotentRequests;
import org.grantflow.grants.organisation.OrganisationService;
import org.grantflow.grants.outbox.OutboxWriter;
import org.grantflow.grants.problem.DomainException;
import org.grantflow.grants.problem.Violation;
import org.grantflow.grants.round.RoundService;
import org.grantflow.grants.round.RoundTerms;
import org.grantflow.grants.security.Caller;

import io.quarkus.panache.common.Sort;

@ApplicationScoped
public class BidService {

    public static final String TOPIC = "grants.bid.events";
    static final String DRAFTED = "grantflow.bid.drafted.v1";
    static final String SUBMITTED = "grantflow.bid.submitted.v1";
    static final String INELIGIBLE = "grantflow.bid.ineligible.v1";
    static final String WITHDRAWN = "grantflow.bid.withdrawn.v1";
    private static final Set<BidStatus> WITHDRAWABLE = EnumSet.of(BidStatus.DRAFT, BidStatus.SUBMITTED,
            BidStatus.UNDER_ASSESSMENT);
    private static final String DEADLINE = "DEADLINE";

    private final BidRepository bids;
    private final BidSubmissions submissions;
    private final SubmissionQueue queue;
    private final BidHistory history;
    private final OutboxWriter outbox;
    private final IdempotentRequests idempotency;
    private final OrganisationService organisations;
    private final RoundService roundTerms;
    private final Clock clock;

    BidService(BidRepository bids, BidSubmissions submissions, SubmissionQueue queue, BidHistory history,
            OutboxWriter outbox, IdempotentRequests idempotency, OrganisationService organisations,
            RoundService roundTerms, Clock clock) {
        this.submissions = submissions;
        this.queue = queue;
        this.organisations = organisations;
        this.roundTerms = roundTerms;
        this.bids = bids;
        this.idempotency = idempotency;
        this.history = history;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** Starts a draft; a retry with the same Idempotency-Key answers the first draft and creates nothing. */
    @Transactional
    public BidView createDraft(CreateBidRequest request, Caller partner, String idempotencyKey) {
        return idempotency.once(partner.name(), idempotencyKey, "POST /api/v1/bids", request, BidView.class,
                () -> createDraft(request, partner));
    }

    private BidView createDraft(CreateBidRequest request, Caller partner) {
        RoundTerms round = roundTerms.current(request.roundId()).orElseThrow(() -> DomainException.unprocessable(
                "unknown-round", "The round is not known",
                new Violation("UNKNOWN_ROUND", "roundId", "No round with id " + request.roundId())));
        Instant now = clock.instant();
        if (!round.acceptsBidsAt(now)) {
            throw roundClosed(List.of(deadline(round, now, "roundId")));
        }
        Bid bid = new Bid();
        bid.id = UUID.randomUUID();
        bid.roundId = round.id();
        bid.organisationId = partner.organisationId();
        bid.write(request.details());
        bid.createdBy = partner.name();
        bid.createdAt = now;
        bid.status = BidStatus.DRAFT;
        bids.persist(bid);
        history.started(bid, partner.name(), now, "Draft started");
        outbox.write(TOPIC, DRAFTED, bid.id, new BidDrafted(bid.id, round.id(), round.fundId(), bid.organisationId,
                bid.title, now));
        return BidView.of(bid);
    }

    /**
     * Submits a draft. A late bid is refused and stays a draft; a bid that breaks any other rule is
     * kept as {@code INELIGIBLE} with every reason, and the caller answers 422. Submissions arriving
     * together are written in one transaction ({@link SubmissionQueue}), each decided on its own with
     * its bid locked, so that of two submissions of one bid the second finds it no longer a draft.
     */
    public BidView submit(UUID id, Caller partner) {
        // The caller belongs to this request; the writer decides on another thread.
        String who = partner.name();
        String organisation = partner.isPartner() ? partner.organisationId() : null;
        return queue.submit(id, draft -> decide(draft, who, organisation));
    }

    /** What submitting the locked draft now means for it; a refusal is thrown. */
    BidSubmissions.Move decide(BidSubmissions.Draft draft, String who, String organisation) {
        Bid bid = draft.bid();
        if (organisation != null && !organisation.equals(bid.organisationId)) {
            throw DomainException.notFound("bid", bid.id);
        }
        if (bid.status != BidStatus.DRAFT) {
            throw DomainException.conflict("bid-not-draft", "Only a draft can be submitted",
                    "The bid is " + bid.status + ", not DRAFT");
        }
        RoundTerms round = roundTerms.current(bid.roundId, draft.roundStatus());
        Instant now = clock.instant();
        List<Violation> violations = round.eligibility().evaluate(bid.application(draft.applicant(), now));
        if (!round.acceptsBidsAt(now) || violations.stream().anyMatch(v -> v.code().equals(DEADLINE))) {
            throw roundClosed(violations.isEmpty() ? List.of(deadline(round, now, "submittedAt")) : violations);
        }
        bid.submittedAt = now;
        if (!violations.isEmpty()) {
            bid.eligibilityViolations = new ArrayList<>(violations);
            return submissions.move(bid, BidStatus.INELIGIBLE, who, violations.size()
                    + " eligibility rule(s) failed: " + String.join(" ", violations.stream().map(Violation::message)
                            .toList()),
                    outbox.event(TOPIC, INELIGIBLE, bid.id, new BidIneligible(bid.id, round.id(), round.name(),
                            round.fundId(), bid.organisationId, draft.organisationName(), draft.contactEmails(),
                            bid.title, bid.amountRequested, violations, now, who)));
        }
        return submissions.move(bid, BidStatus.SUBMITTED, who, null,
                outbox.event(TOPIC, SUBMITTED, bid.id, new BidSubmitted(bid.id, round.id(), round.name(),
                        round.fundId(), bid.organisationId, draft.organisationName(), draft.contactEmails(), bid.title,
                        bid.amountRequested, bid.totalProjectCost, now, who)));
    }

    /**
     * Replaces what the applicant wrote in a draft, if the caller saw its current version.
     *
     * @param expectedVersion the version in the caller's If-Match
     */
    @Transactional
    public BidView edit(UUID id, long expectedVersion, BidDetails details, Caller partner) {
        Bid bid = visibleBid(id, partner);
        if (bid.version != expectedVersion) {
            throw stale(bid);
        }
        if (bid.status != BidStatus.DRAFT) {
            throw DomainException.conflict("bid-not-draft", "Only a draft can be edited",
                    "The bid is " + bid.status + ", not DRAFT");
        }
        bid.write(details);
        try {
            bids.flush();
        } catch (OptimisticLockException e) {
            throw stale(bid);
        }
        return BidView.of(bid);
    }

    /** The applicant takes the bid back, as long as no decision is under way. */
    @Transactional
    public BidView withdraw(UUID id, String reason, Caller partner) {
        Bid bid = visibleBid(id, partner);
        if (!WITHDRAWABLE.contains(bid.status)) {
            throw DomainException.conflict("bid-not-withdrawable", "The bid cannot be withdrawn",
                    "A bid that is " + bid.status + " cannot be withdrawn; only a draft, submitted or "
                            + "under-assessment bid can");
        }
        RoundTerms round = roundTerms.current(bid.roundId).orElseThrow();
        Instant now = clock.instant();
        BidStatus from = bid.status;
        history.move(bid, BidStatus.WITHDRAWN, partner.name(), now, reason);
        Contact contact = contact(bid.organisationId);
        outbox.write(TOPIC, WITHDRAWN, bid.id, new BidWithdrawn(bid.id, round.id(), round.name(), round.fundId(),
                bid.organisationId, contact.name(), contact.emails(), bid.title, from, reason, now, partner.name()));
        return BidView.of(bid);
    }

    @Transactional
    public List<StatusChangeView> history(UUID id, Caller caller) {
        Bid bid = visibleBid(id, caller);
        return history.of(bid.id).stream().map(StatusChangeView::of).toList();
    }

    /**
     * Runs the round's rules on a bid as if it were submitted now; saves nothing. Portals call this as the user
     * types, so it reads the round and the organisation from short-lived caches, outside any transaction.
     */
    public EligibilityReport check(UUID roundId, BidDetails details, Caller caller, String organisationId) {
        RoundTerms round = roundTerms.terms(roundId, caller);
        Instant now = clock.instant();
        String organisation = caller.isPartner() ? caller.organisationId() : organisationId;
        Applicant applicant = organisation == null ? Applicant.unregistered("(no organisation)")
                : organisations.applicant(organisation);
        List<Violation> violations = round.eligibility().evaluate(details.application(applicant, now));
        return new EligibilityReport(violations.isEmpty(), violations, now);
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

    /** Who to tell about a bid: the organisation's name and contact emails, when registered. */
    private Contact contact(String organisationId) {
        return organisations.find(organisationId).map(o -> new Contact(o.name, List.copyOf(o.contactEmails)))
                .orElseGet(() -> new Contact(null, List.of()));
    }

    private record Contact(String name, List<String> emails) {
    }

    private static Violation deadline(RoundTerms round, Instant now, String field) {
        String message = new DeadlineRule(round.name(), round.closesAt(), round.gracePeriod()).checkAt(now)
                .map(Violation::message).orElse("The round '" + round.name() + "' is not open for bids");
        return new Violation(DEADLINE, field, message);
    }

    private static DomainException stale(Bid bid) {
        return DomainException.conflict("stale-version", "The bid has changed",
                "The bid is at version " + bid.version + "; read it again and send its ETag in If-Match");
    }

    private static DomainException roundClosed(List<Violation> violations) {
        return new DomainException(422, "round-closed", "The round does not accept bids",
                violations.get(0).message(), violations);
    }

    /** The payload of {@code grantflow.bid.drafted.v1}: notifications-service builds reminders from it. */
    public record BidDrafted(UUID bidId, UUID roundId, UUID fundId, String organisationId, String title,
            Instant createdAt) {
    }

    /** The payload of {@code grantflow.bid.submitted.v1}. */
    public record BidSubmitted(UUID bidId, UUID roundId, String roundName, UUID fundId, String organisationId,
            String organisationName, List<String> contactEmails, String title, BigDecimal amountRequested, BigDecimal totalProjectCost, Instant submittedAt,
            String submittedBy) {
    }

    /** The payload of {@code grantflow.bid.withdrawn.v1}. */
    public record BidWithdrawn(UUID bidId, UUID roundId, String roundName, UUID fundId, String organisationId,
            String organisationName, List<String> contactEmails, String title, BidStatus previousStatus, String reason, Instant withdrawnAt, String withdrawnBy) {
    }

    /** The payload of {@code grantflow.bid.ineligible.v1}. */
    public record BidIneligible(UUID bidId, UUID roundId, String roundName, UUID fundId, String organisationId,
            String organisationName, List<String> contactEmails, String title, BigDecimal amountRequested, List<Violation> violations, Instant submittedAt,
            String submittedBy) {
    }
}
