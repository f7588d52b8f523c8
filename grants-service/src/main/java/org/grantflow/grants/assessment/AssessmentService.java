package org.grantflow.grants.assessment;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.grantflow.grants.bid.Bid;
import org.grantflow.grants.bid.BidHistory;
import org.grantflow.grants.bid.BidRepository;
import org.grantflow.grants.bid.BidService;
import org.grantflow.grants.bid.BidStatus;
import org.grantflow.grants.bid.BidView;
import org.grantflow.grants.eligibility.YearAmount;
import org.grantflow.grants.organisation.Organisation;
import org.grantflow.grants.organisation.OrganisationService;
import org.grantflow.grants.outbox.OutboxWriter;
import org.grantflow.grants.problem.DomainException;
import org.grantflow.grants.problem.Violation;
import org.grantflow.grants.round.Round;
import org.grantflow.grants.round.RoundRepository;

import com.fasterxml.jackson.annotation.JsonInclude;

/** Assessors score bids against the round's weighted criteria; an officer rejects or awards. */
@ApplicationScoped
public class AssessmentService {

    static final String REJECTED = "grantflow.bid.rejected.v1";
    static final String AWARD_REQUESTED = "grantflow.award.requested.v1";
    private static final Set<BidStatus> ASSESSABLE = EnumSet.of(BidStatus.SUBMITTED, BidStatus.UNDER_ASSESSMENT);

    private final BidRepository bids;
    private final RoundRepository rounds;
    private final AssessmentRepository assessments;
    private final OrganisationService organisations;
    private final BidHistory history;
    private final OutboxWriter outbox;
    private final Clock clock;

    AssessmentService(BidRepository bids, RoundRepository rounds, AssessmentRepository assessments,
            OrganisationService organisations, BidHistory history, OutboxWriter outbox, Clock clock) {
        this.bids = bids;
        this.rounds = rounds;
        this.assessments = assessments;
        this.organisations = organisations;
        this.history = history;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** Records (or replaces) one assessor's scores; the first score puts the bid under assessment. */
    @Transactional
    public Assessments score(UUID bidId, ScoreBidRequest request, String assessor) {
        Bid bid = assessable(bidId);
        Round round = rounds.findById(bid.roundId);
        if (round.criteria.isEmpty()) {
            throw DomainException.unprocessable("invalid-scores", "The scores do not fit the round's criteria",
                    new Violation("NO_CRITERIA", "scores", "The round '" + round.name + "' has no assessment criteria"));
        }
        String problem = Scoring.problem(round.criteria, request.scores());
        if (problem != null) {
            throw DomainException.unprocessable("invalid-scores", "The scores do not fit the round's criteria",
                    new Violation("CRITERIA", "scores", problem));
        }
        Instant now = clock.instant();
        Assessment assessment = assessments.find("bidId = ?1 AND assessor = ?2", bid.id, assessor)
                .firstResultOptional().orElseGet(() -> {
                    Assessment a = new Assessment();
                    a.id = UUID.randomUUID();
                    a.bidId = bid.id;
                    a.assessor = assessor;
                    return a;
                });
        assessment.scores = new ArrayList<>(request.scores());
        assessment.weightedScore = Scoring.weighted(round.criteria, request.scores());
        assessment.comment = request.comment();
        assessment.assessedAt = now;
        if (!assessments.isPersistent(assessment)) {
            assessments.persist(assessment);
        }
        assessments.flush();
        List<Assessment> all = assessments.ofBid(bid.id);
        bid.assessmentScore = Scoring.mean(all.stream().map(a -> a.weightedScore).toList());
        if (bid.status == BidStatus.SUBMITTED) {
            history.move(bid, BidStatus.UNDER_ASSESSMENT, assessor, now, "First assessment recorded");
        }
        return new Assessments(all.stream().map(AssessmentView::of).toList(), bid.assessmentScore);
    }

    @Transactional
    public Assessments of(UUID bidId) {
        Bid bid = bids.findByIdOptional(bidId).orElseThrow(() -> DomainException.notFound("bid", bidId));
        return new Assessments(assessments.ofBid(bid.id).stream().map(AssessmentView::of).toList(),
                bid.assessmentScore);
    }

    /** Rejects a bid, or asks funds-service to commit an award (the award saga). */
    @Transactional
    public BidView decide(UUID bidId, DecisionRequest request, String officer) {
        Bid bid = assessable(bidId);
        Round round = rounds.findById(bid.roundId);
        Instant now = clock.instant();
        Organisation organisation = organisations.find(bid.organisationId).orElse(null);
        String organisationName = organisation == null ? null : organisation.name;
        List<String> contacts = organisation == null ? List.of() : List.copyOf(organisation.contactEmails);
        if (request.outcome() == DecisionRequest.Outcome.REJECT) {
            if (request.reason() == null || request.reason().isBlank()) {
                throw DomainException.unprocessable("reason-required", "A rejection needs a reason",
                        new Violation("REASON_REQUIRED", "reason", "Say why the bid is rejected"));
            }
            history.move(bid, BidStatus.REJECTED, officer, now, request.reason());
            outbox.write(BidService.TOPIC, REJECTED, bid.id, new BidRejected(bid.id, round.id, round.name,
                    round.fundId, bid.organisationId, organisationName, contacts, bid.title, request.reason(), now,
                    officer));
            return BidView.of(bid);
        }
        BigDecimal amount = request.amount() == null ? bid.amountRequested : request.amount().setScale(2);
        if (amount.compareTo(bid.amountRequested) > 0) {
            throw DomainException.unprocessable("award-exceeds-request", "The award is more than was asked for",
                    new Violation("AWARD_EXCEEDS_REQUEST", "amount", "The bid asks for " + money(bid.amountRequested)
                            + "; an award of " + money(amount) + " is more than that"));
        }
        List<YearAmount> profile = profile(request, bid, round, amount);
        BigDecimal profiled = profile.stream().map(YearAmount::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        if (profiled.compareTo(amount) != 0) {
            throw DomainException.unprocessable("award-profile-mismatch", "The profile does not add up to the award",
                    new Violation("AWARD_PROFILE", "profile", "The yearly profile adds up to " + money(profiled)
                            + "; the award is " + money(amount)));
        }
        bid.awardAmount = amount;
        bid.awardProfile = new ArrayList<>(profile);
        history.move(bid, BidStatus.AWARD_PENDING, officer, now, request.reason() == null
                ? "Award of " + money(amount) + " requested" : request.reason());
        outbox.write(BidService.TOPIC, AWARD_REQUESTED, bid.id, new AwardRequested(bid.id, round.id, round.name,
                round.fundId, bid.organisationId, organisationName, bid.title, amount, bid.amountRequested, profile,
                round.spendBy, bid.projectEndDate, officer, now));
        return BidView.of(bid);
    }

    private static List<YearAmount> profile(DecisionRequest request, Bid bid, Round round, BigDecimal amount) {
        if (request.profile() != null && !request.profile().isEmpty()) {
            return request.profile().stream().map(y -> new YearAmount(y.financialYear(), y.amount().setScale(2)))
                    .toList();
        }
        if (amount.compareTo(bid.amountRequested) == 0 && !bid.profile.isEmpty()) {
            return List.copyOf(bid.profile);
        }
        return List.of(new YearAmount(round.financialYear, amount));
    }

    private Bid assessable(UUID bidId) {
        Bid bid = bids.findByIdOptional(bidId).orElseThrow(() -> DomainException.notFound("bid", bidId));
        if (!ASSESSABLE.contains(bid.status)) {
            throw DomainException.conflict("bid-not-under-assessment", "The bid is not open to assessment",
                    "The bid is " + bid.status + "; only a submitted bid or one under assessment can be scored or decided");
        }
        return bid;
    }

    private static String money(BigDecimal amount) {
        return String.format(Locale.UK, "£%,.2f", amount);
    }

    /** The payload of {@code grantflow.bid.rejected.v1}. */
    public record BidRejected(UUID bidId, UUID roundId, String roundName, UUID fundId, String organisationId,
            String organisationName, List<String> contactEmails, String title, String reason, Instant rejectedAt,
            String rejectedBy) {
    }

    /** The payload of {@code grantflow.award.requested.v1}; see docs/events/award.requested.v1.schema.json. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record AwardRequested(UUID bidId, UUID roundId, String roundName, UUID fundId, String organisationId,
            String organisationName, String title, BigDecimal amount, BigDecimal amountRequested,
            List<YearAmount> profile, LocalDate spendBy, LocalDate projectEndDate, String requestedBy,
            Instant requestedAt) {
    }
}
