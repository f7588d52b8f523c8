package org.grantflow.funds.commitment;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import org.grantflow.funds.api.Filter;
import org.grantflow.funds.api.Page;
import org.grantflow.funds.fund.Fund;
import org.grantflow.funds.fund.FundRepository;
import org.grantflow.funds.ledger.FinancialYear;
import org.grantflow.funds.ledger.Ledger;
import org.grantflow.funds.ledger.LedgerEntryKind;
import org.grantflow.funds.ledger.LowBalanceAlarm;
import org.grantflow.funds.ledger.Money;
import org.grantflow.funds.ledger.YearBalance;
import org.grantflow.funds.outbox.OutboxWriter;
import org.grantflow.funds.problem.DomainException;
import org.grantflow.funds.problem.Violation;
import org.grantflow.funds.security.Caller;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Sort;

/** The funds side of the award saga, and releases of committed money. */
@ApplicationScoped
public class CommitmentService {

    private final CommitmentRepository commitments;
    private final FundRepository funds;
    private final Ledger ledger;
    private final LowBalanceAlarm lowBalance;
    private final OutboxWriter outbox;
    private final Clock clock;

    CommitmentService(CommitmentRepository commitments, FundRepository funds, Ledger ledger,
            LowBalanceAlarm lowBalance, OutboxWriter outbox, Clock clock) {
        this.commitments = commitments;
        this.funds = funds;
        this.ledger = ledger;
        this.lowBalance = lowBalance;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** What became of an award request. */
    public record Decision(UUID bidId, UUID commitmentId, String refusal) {

        public boolean committed() {
            return commitmentId != null;
        }
    }

    /**
     * Commits every year of the award's profile, or nothing: in one transaction it locks the fund's
     * balance rows of those years (in year order), refuses the whole award if any year lacks money,
     * and otherwise records the commitment, its lines and one ledger entry per year. Emits
     * {@code commitment.made} or {@code commitment.refused}. A bid already committed is not committed
     * again; its {@code commitment.made} is sent again so that the saga can go on.
     */
    @Transactional
    public Decision commit(AwardRequested award) {
        Commitment existing = commitments.findByBid(award.bidId()).orElse(null);
        if (existing != null) {
            outbox.write(CommitmentEvents.TOPIC, CommitmentEvents.MADE, existing.bidId, made(existing));
            return new Decision(existing.bidId, existing.id, null);
        }
        // A shared lock: awards go on side by side, but not while the fund is being closed.
        Fund fund = funds.findById(award.fundId(), LockModeType.PESSIMISTIC_READ);
        if (fund == null) {
            return refuse(award, "funds-service knows no fund with id " + award.fundId(), List.of());
        }
        if (fund.status == Fund.Status.CLOSED) {
            return refuse(award, "The " + fund.name + " is closed to new commitments", List.of());
        }
        String malformed = malformed(award);
        if (malformed != null) {
            return refuse(award, malformed, List.of());
        }
        SortedMap<String, BigDecimal> profile = new TreeMap<>();
        award.profile().forEach(year -> profile.put(year.financialYear(), Money.exact(year.amount())));

        Map<String, YearBalance> before = ledger.lock(fund.id, profile.keySet());
        List<CommitmentEvents.Shortfall> shortfalls = new ArrayList<>();
        profile.forEach((year, amount) -> {
            BigDecimal available = before.containsKey(year) ? before.get(year).available() : Money.ZERO;
            if (amount.compareTo(available) > 0) {
                shortfalls.add(new CommitmentEvents.Shortfall(year, amount, available));
            }
        });
        if (!shortfalls.isEmpty()) {
            return refuse(award, shortfallReason(fund, shortfalls), shortfalls);
        }

        Commitment commitment = new Commitment();
        commitment.id = UUID.randomUUID();
        commitment.bidId = award.bidId();
        commitment.fundId = fund.id;
        commitment.roundId = award.roundId();
        commitment.roundName = award.roundName();
        commitment.organisationId = award.organisationId();
        commitment.organisationName = award.organisationName();
        commitment.title = award.title();
        commitment.amount = Money.exact(award.amount());
        commitment.requestedBy = award.requestedBy();
        commitment.committedAt = clock.instant();
        commitments.persist(commitment);
        profile.forEach((year, amount) -> {
            CommitmentLine line = new CommitmentLine();
            line.id = UUID.randomUUID();
            line.commitmentId = commitment.id;
            line.financialYear = year;
            line.committed = amount;
            line.released = Money.ZERO;
            line.paid = Money.ZERO;
            line.repaid = Money.ZERO;
            commitments.persistLine(line);
        });
        commitments.flush();
        String reason = "Award of bid " + award.bidId() + (award.title() == null ? "" : ": " + award.title());
        profile.forEach((year, amount) -> ledger.append(fund.id, year, LedgerEntryKind.COMMITMENT_MADE, amount,
                commitment.id, reason, award.requestedBy()));
        outbox.write(CommitmentEvents.TOPIC, CommitmentEvents.MADE, commitment.bidId, made(commitment));
        profile.keySet().forEach(year -> lowBalance.check(fund.id, fund.name, before.get(year),
                ledger.balance(fund.id, year)));
        return new Decision(commitment.bidId, commitment.id, null);
    }

    /**
     * Gives part or all of one year of a commitment back to the fund's budget. Money already paid
     * (net of repayments) cannot be released.
     */
    @Transactional
    public CommitmentView release(UUID commitmentId, ReleaseRequest request, String officer) {
        Commitment commitment = commitments.findByIdOptional(commitmentId)
                .orElseThrow(() -> DomainException.notFound("commitment", commitmentId));
        String year = FinancialYear.parse(request.financialYear());
        CommitmentLine line = commitments.lockLine(commitmentId, year)
                .orElseThrow(() -> DomainException.unprocessable("not-committed-in-year",
                        "Nothing is committed in this year", new Violation("NOT_COMMITTED_IN_YEAR", "financialYear",
                                "The commitment has nothing in " + year)));
        BigDecimal amount = Money.exact(request.amount());
        if (amount.compareTo(line.remaining()) > 0) {
            throw DomainException.unprocessable("release-exceeds-commitment", "More than is left of the commitment",
                    new Violation("RELEASE_EXCEEDS_COMMITMENT", "amount", "Only " + Money.pounds(line.remaining())
                            + " of the commitment in " + year + " is neither paid nor released"));
        }
        line.released = line.released.add(amount);
        commitments.flush();
        ledger.append(commitment.fundId, year, LedgerEntryKind.COMMITMENT_RELEASED, amount, commitment.id,
                request.reason(), officer);
        List<CommitmentLine> lines = commitments.lines(commitmentId);
        BigDecimal remaining = lines.stream().map(CommitmentLine::remaining).reduce(BigDecimal.ZERO, BigDecimal::add);
        outbox.write(CommitmentEvents.TOPIC, CommitmentEvents.RELEASED, commitment.bidId,
                new CommitmentEvents.Released(commitment.id, commitment.bidId, commitment.fundId,
                        commitment.organisationId, year, amount, remaining, request.reason(), officer, clock.instant()));
        return CommitmentView.of(commitment, lines);
    }

    /** One commitment; a partner sees only its own organisation's (another's answers 404). */
    @Transactional
    public CommitmentView get(UUID id, Caller caller) {
        Commitment commitment = commitments.findByIdOptional(id)
                .filter(c -> caller.maySee(c.organisationId))
                .orElseThrow(() -> DomainException.notFound("commitment", id));
        return CommitmentView.of(commitment, commitments.lines(id));
    }

    /** Commitments, newest first; a partner's list is limited to its own organisation. */
    @Transactional
    public Page<CommitmentView> list(UUID fundId, String organisationId, Caller caller, int page, int size) {
        String organisation = caller.isPartner() ? caller.organisationId() : organisationId;
        Filter filter = new Filter().equal("fundId", fundId).equal("organisationId", organisation);
        PanacheQuery<Commitment> query = commitments.find(filter.query(),
                Sort.by("committedAt", Sort.Direction.Descending).and("id"), filter.parameters());
        query.page(io.quarkus.panache.common.Page.of(page, size));
        List<Commitment> found = query.list();
        Map<UUID, List<CommitmentLine>> lines = commitments.lines(found.stream().map(c -> c.id).toList());
        return new Page<>(found.stream().map(c -> CommitmentView.of(c, lines.getOrDefault(c.id, List.of()))).toList(),
                page, size, query.count());
    }

    private Decision refuse(AwardRequested award, String reason, List<CommitmentEvents.Shortfall> shortfalls) {
        Instant now = clock.instant();
        outbox.write(CommitmentEvents.TOPIC, CommitmentEvents.REFUSED, award.bidId(),
                new CommitmentEvents.Refused(award.bidId(), award.fundId(), award.organisationId(),
                        award.amount() == null || award.amount().scale() > 2 ? Money.ZERO : Money.exact(award.amount()),
                        reason, shortfalls, now));
        return new Decision(award.bidId(), null, reason);
    }

    private CommitmentEvents.Made made(Commitment commitment) {
        List<AwardRequested.YearAmount> profile = commitments.lines(commitment.id).stream()
                .map(l -> new AwardRequested.YearAmount(l.financialYear, l.committed)).toList();
        return new CommitmentEvents.Made(commitment.id, commitment.bidId, commitment.fundId, commitment.organisationId,
                commitment.amount, profile, commitment.committedAt);
    }

    /** Why the request cannot be committed as it stands, or {@code null} if it is well formed. */
    private static String malformed(AwardRequested award) {
        if (award.amount() == null || award.profile() == null || award.profile().isEmpty()) {
            return "The award names no amount or no profile";
        }
        if (award.amount().signum() <= 0 || award.amount().scale() > 2) {
            return "The award's amount must be positive pounds and pence";
        }
        BigDecimal sum = BigDecimal.ZERO;
        Set<String> years = new HashSet<>();
        for (AwardRequested.YearAmount year : award.profile()) {
            if (year.financialYear() == null || !year.financialYear().matches(FinancialYear.PATTERN)
                    || !FinancialYear.isConsecutive(year.financialYear())) {
                return year.financialYear() + " is not a financial year";
            }
            if (!years.add(year.financialYear())) {
                return "The profile gives " + year.financialYear() + " more than once";
            }
            if (year.amount() == null || year.amount().signum() <= 0 || year.amount().scale() > 2) {
                return "The amount for " + year.financialYear() + " must be positive pounds and pence";
            }
            sum = sum.add(year.amount());
        }
        if (sum.compareTo(award.amount()) != 0) {
            return "The profile adds up to " + Money.pounds(sum) + ", not the award's " + Money.pounds(award.amount());
        }
        return null;
    }

    private static String shortfallReason(Fund fund, List<CommitmentEvents.Shortfall> shortfalls) {
        return shortfalls.stream()
                .map(s -> "The " + fund.name + " has " + Money.pounds(s.available()) + " available in "
                        + s.financialYear() + "; the award needs " + Money.pounds(s.requested()) + " (short by "
                        + Money.pounds(s.requested().subtract(s.available())) + ")")
                .collect(Collectors.joining("; "));
    }
}
