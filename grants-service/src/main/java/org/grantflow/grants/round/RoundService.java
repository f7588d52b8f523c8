package org.grantflow.grants.round;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import org.grantflow.grants.api.ExpiringCache;
import org.grantflow.grants.api.Filter;
import org.grantflow.grants.api.Page;
import org.grantflow.grants.eligibility.RoundRules;
import org.grantflow.grants.fund.Fund;
import org.grantflow.grants.fund.FundRepository;
import org.grantflow.grants.idempotency.IdempotentRequests;
import org.grantflow.grants.outbox.OutboxWriter;
import org.grantflow.grants.problem.DomainException;
import org.grantflow.grants.problem.Violation;
import org.grantflow.grants.security.Caller;

import io.quarkus.panache.common.Sort;

/**
 * A round's life: drafted and edited by an officer, opened (announced, and taking bids from its opening time),
 * closed at its last deadline by {@link RoundCloser} or early by an officer.
 */
@ApplicationScoped
public class RoundService {

    public static final String TOPIC = "grants.round.events";
    static final String OPENED = "grantflow.round.opened.v1";
    static final String CLOSED = "grantflow.round.closed.v1";
    /** How many due rounds one transaction closes. */
    static final int CLOSE_BATCH = 100;

    private final RoundRepository rounds;
    private final FundRepository funds;
    private final OutboxWriter outbox;
    private final IdempotentRequests idempotency;
    private final EntityManager em;
    private final Clock clock;
    private final ExpiringCache<UUID, RoundTerms> terms = new ExpiringCache<>(Duration.ofSeconds(5), 10_000);

    RoundService(RoundRepository rounds, FundRepository funds, OutboxWriter outbox, IdempotentRequests idempotency,
            EntityManager em, Clock clock) {
        this.rounds = rounds;
        this.funds = funds;
        this.outbox = outbox;
        this.idempotency = idempotency;
        this.em = em;
        this.clock = clock;
    }

    /** Drafts a round; a retry with the same Idempotency-Key answers the first draft. */
    @Transactional
    public RoundView draft(RoundRequest request, String officer, String idempotencyKey) {
        return idempotency.once(officer, idempotencyKey, "POST /api/v1/rounds", request, RoundView.class, () -> {
            Round round = new Round();
            round.id = UUID.randomUUID();
            round.status = Round.Status.DRAFT;
            round.createdBy = officer;
            round.createdAt = clock.instant();
            apply(round, request);
            rounds.persist(round);
            return view(round);
        });
    }

    /** Replaces a draft's terms, if the officer saw its current version; an opened round is fixed. */
    @Transactional
    public RoundView edit(UUID id, long expectedVersion, RoundRequest request) {
        Round round = find(id);
        if (round.version != expectedVersion) {
            throw DomainException.conflict("stale-version", "The round has changed",
                    "The round is at version " + round.version + "; read it again and send its ETag in If-Match");
        }
        if (round.status != Round.Status.DRAFT) {
            throw DomainException.conflict("round-not-draft", "Only a draft round can be edited",
                    "The round is " + round.status + "; its terms were fixed when it opened");
        }
        apply(round, request);
        return view(round);
    }

    /**
     * Opens a draft: it is announced now and takes bids from its opening time. Opening an open round again
     * changes nothing, so a retried request is harmless.
     */
    @Transactional
    public RoundView open(UUID id) {
        Round round = lock(id);
        if (round.status == Round.Status.OPEN) {
            return view(round);
        }
        if (round.status == Round.Status.CLOSED) {
            throw DomainException.conflict("round-closed", "The round has closed", "A closed round cannot open again");
        }
        Instant now = clock.instant();
        Fund fund = openFund(round.fundId);
        if (!round.closesAt.isAfter(now)) {
            throw DomainException.unprocessable("closing-date-passed", "The closing date has passed",
                    closingDatePassed(UkTime.toLocal(round.closesAt)));
        }
        round.status = Round.Status.OPEN;
        if (round.opensAt == null || round.opensAt.isBefore(now)) {
            round.opensAt = now;
        }
        Instant next = round.nextClosingDate(now).orElse(round.closesAt);
        outbox.write(TOPIC, OPENED, round.id, new RoundOpened(round.id, fund.id, fund.name, round.name,
                round.financialYear, round.opensAt, next, UkTime.toLocal(next), UkTime.ZONE.getId(), round.spendBy,
                round.pot, round.rolling(), round.allClosingDates().stream().map(ClosingDate::of).toList(),
                round.gracePeriodSeconds));
        return view(round);
    }

    /** Closes an open round before its deadline; closing a closed round again changes nothing. */
    @Transactional
    public RoundView close(UUID id, String officer, String note) {
        Round round = lock(id);
        if (round.status == Round.Status.CLOSED) {
            return view(round);
        }
        if (round.status == Round.Status.DRAFT) {
            throw DomainException.conflict("round-not-open", "Only an open round can be closed",
                    "The round is still a draft; it has taken no bids");
        }
        close(round, clock.instant(), CloseReason.CLOSED_BY_OFFICER, officer, note);
        return view(round);
    }

    /**
     * Closes every open round whose last deadline and grace period have passed. Rows another instance is closing
     * are skipped, so two instances never announce one closure twice.
     */
    @Transactional
    public int closeDueRounds() {
        Instant now = clock.instant();
        @SuppressWarnings("unchecked")
        List<UUID> due = em.createNativeQuery("SELECT id FROM round WHERE status = 'OPEN' AND closes_at "
                + "+ make_interval(secs => grace_period_seconds) < :now ORDER BY closes_at LIMIT :batch "
                + "FOR UPDATE SKIP LOCKED", UUID.class).setParameter("now", now).setParameter("batch", CLOSE_BATCH)
                .getResultList();
        for (UUID id : due) {
            Round round = rounds.findById(id);
            close(round, round.closesAt.plus(round.gracePeriod()), CloseReason.DEADLINE_PASSED, null, null);
        }
        return due.size();
    }

    /**
     * The round's rules for an eligibility check, without a transaction: read at most every few seconds, and again
     * at once after this instance edits, opens or closes it.
     */
    public RoundTerms terms(UUID id, Caller caller) {
        RoundTerms round = terms.get(id, this::load);
        if (caller.isPartner() && round.status() == Round.Status.DRAFT) {
            throw DomainException.notFound("round", id);
        }
        return round;
    }

    /**
     * The round as it stands now, for taking a bid: its status from the database, its terms (fixed once it opened)
     * from the cache unless the status shows they have changed.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<RoundTerms> current(UUID id) {
        Optional<Round.Status> status = em.createQuery("SELECT r.status FROM Round r WHERE r.id = :id",
                Round.Status.class).setParameter("id", id).getResultStream().findFirst();
        return status.map(s -> current(id, s));
    }

    /** The round's terms for a status just read from the database, from the cache unless the status has changed. */
    @Transactional(Transactional.TxType.MANDATORY)
    public RoundTerms current(UUID id, Round.Status status) {
        RoundTerms round = terms.get(id, this::load);
        if (round.status() != status) {
            terms.evict(id);
            round = terms.get(id, this::load);
        }
        return round;
    }

    private RoundTerms load(UUID id) {
        return RoundTerms.of(find(id));
    }

    @Transactional
    public RoundView get(UUID id, Caller caller) {
        Round round = find(id);
        if (caller.isPartner() && round.status == Round.Status.DRAFT) {
            throw DomainException.notFound("round", id);
        }
        return RoundView.of(round, clock.instant());
    }

    /** Rounds by closing date; partners never see drafts. */
    @Transactional
    public Page<RoundView> list(Round.Status status, UUID fundId, Caller caller, int page, int size) {
        Filter filter = new Filter().equal("status", status).equal("fundId", fundId)
                .notEqual("status", caller.isPartner() ? Round.Status.DRAFT : null);
        Instant now = clock.instant();
        return Page.of(rounds.find(filter.query(), Sort.by("closesAt").and("id"), filter.parameters()), page, size,
                r -> RoundView.of(r, now));
    }

    private void close(Round round, Instant closedAt, CloseReason reason, String officer, String note) {
        round.status = Round.Status.CLOSED;
        round.closedAt = closedAt;
        round.closedBy = officer;
        round.closeNote = note;
        terms.evict(round.id);
        long submitted = em.createQuery("SELECT count(b) FROM Bid b WHERE b.roundId = :round "
                + "AND b.submittedAt IS NOT NULL", Long.class).setParameter("round", round.id).getSingleResult();
        Fund fund = funds.findById(round.fundId);
        outbox.write(TOPIC, CLOSED, round.id, new RoundClosed(round.id, round.fundId, fund.name, round.name,
                closedAt, reason, officer, note, submitted));
    }

    /** Checks a draft's terms and writes them onto the round. */
    private void apply(Round round, RoundRequest request) {
        Fund fund = openFund(request.fundId());
        Instant now = clock.instant();
        List<Violation> violations = new ArrayList<>();
        if (!FinancialYear.isConsecutive(request.financialYear())) {
            violations.add(notAFinancialYear("financialYear", request.financialYear()));
        }
        List<String> years = request.financialYears() == null || request.financialYears().isEmpty()
                ? List.of(request.financialYear()) : List.copyOf(request.financialYears());
        years.stream().filter(y -> !FinancialYear.isConsecutive(y)).findFirst()
                .ifPresent(y -> violations.add(notAFinancialYear("financialYears", y)));
        Instant closesAt = UkTime.toInstant(request.closesAt());
        if (!closesAt.isAfter(now)) {
            violations.add(closingDatePassed(request.closesAt()));
        }
        Instant opensAt = request.opensAt() == null ? null : UkTime.toInstant(request.opensAt());
        if (opensAt != null && !opensAt.isBefore(closesAt)) {
            violations.add(new Violation("OPENS_BEFORE_CLOSING", "opensAt", "The round would open at "
                    + request.opensAt() + ", not before it closes at " + request.closesAt() + " (UK time)"));
        }
        List<Instant> closingDates = closingDates(request, closesAt, opensAt == null ? now : opensAt, violations);
        if (request.gracePeriod() != null && request.gracePeriod().isNegative()) {
            violations.add(new Violation("GRACE_PERIOD", "gracePeriod", "A grace period cannot be negative"));
        }
        if (!violations.isEmpty()) {
            throw new DomainException(422, "invalid-round", "The round's terms are not valid",
                    violations.get(0).message(), violations);
        }
        round.fundId = fund.id;
        round.name = request.name();
        round.financialYear = request.financialYear();
        round.opensAt = opensAt;
        round.closesAt = closesAt;
        round.closingDates = closingDates;
        round.financialYears = years;
        round.pot = request.pot() == null ? null : request.pot().setScale(2);
        round.spendBy = request.spendBy();
        round.gracePeriodSeconds = request.gracePeriod() == null ? 0 : request.gracePeriod().toSeconds();
        round.rules = request.rules() == null ? RoundRules.NONE : request.rules();
        round.criteria = request.criteria() == null ? List.of() : List.copyOf(request.criteria());
    }

    /** A rolling round's closing dates, strictly in order, after it opens and ending with closesAt. */
    private static List<Instant> closingDates(RoundRequest request, Instant closesAt, Instant opensAt,
            List<Violation> violations) {
        if (request.closingDates() == null || request.closingDates().isEmpty()) {
            return List.of();
        }
        List<Instant> dates = new ArrayList<>();
        Instant previous = opensAt;
        for (LocalDateTime local : request.closingDates()) {
            Instant date = UkTime.toInstant(local);
            if (date.equals(closesAt)) {
                continue;
            }
            if (!date.isAfter(previous) || !date.isBefore(closesAt)) {
                violations.add(new Violation("CLOSING_DATES_ORDER", "closingDates", "The closing date " + local
                        + " must come after the round opens and the closing date before it, and before closesAt "
                        + request.closesAt() + " (UK time)"));
                return List.of();
            }
            dates.add(date);
            previous = date;
        }
        dates.add(closesAt);
        return List.copyOf(dates);
    }

    private Fund openFund(UUID fundId) {
        Fund fund = funds.findByIdOptional(fundId).orElseThrow(() -> DomainException.unprocessable(
                "unknown-fund", "The fund is not known", new Violation("UNKNOWN_FUND", "fundId",
                        "No fund with id " + fundId + " is known to grants-service")));
        if (fund.status != Fund.Status.OPEN) {
            throw DomainException.unprocessable("fund-closed", "The fund is closed",
                    new Violation("FUND_CLOSED", "fundId", "The fund " + fund.name + " is closed"));
        }
        return fund;
    }

    private static Violation notAFinancialYear(String field, String year) {
        return new Violation("FINANCIAL_YEAR", field, year + " is not a financial year; write it like 2017/18");
    }

    private static Violation closingDatePassed(LocalDateTime closesAt) {
        return new Violation("CLOSES_AT_PASSED", "closesAt",
                "The round would close at " + closesAt + " UK time, which has passed");
    }

    private Round find(UUID id) {
        return rounds.findByIdOptional(id).orElseThrow(() -> DomainException.notFound("round", id));
    }

    private Round lock(UUID id) {
        return rounds.findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE)
                .orElseThrow(() -> DomainException.notFound("round", id));
    }

    /**
     * The view of a changed round, with the version the database will hold once this transaction commits; the
     * round's cached terms are dropped.
     */
    private RoundView view(Round round) {
        em.flush();
        terms.evict(round.id);
        return RoundView.of(round, clock.instant());
    }

    public enum CloseReason {
        DEADLINE_PASSED, CLOSED_BY_OFFICER
    }

    /** One closing date of a round, as an instant and in UK local time. */
    public record ClosingDate(Instant closesAt, LocalDateTime closesAtUkTime) {
        static ClosingDate of(Instant closesAt) {
            return new ClosingDate(closesAt, UkTime.toLocal(closesAt));
        }
    }

    /** The payload of {@code grantflow.round.opened.v1}. */
    public record RoundOpened(UUID roundId, UUID fundId, String fundName, String name, String financialYear,
            Instant opensAt, Instant closesAt, LocalDateTime closesAtUkTime, String timeZone, LocalDate spendBy,
            BigDecimal pot, boolean rolling, List<ClosingDate> closingDates, long gracePeriodSeconds) {
    }

    /** The payload of {@code grantflow.round.closed.v1}. */
    public record RoundClosed(UUID roundId, UUID fundId, String fundName, String name, Instant closedAt,
            CloseReason reason, String closedBy, String note, long submittedBids) {
    }
}
