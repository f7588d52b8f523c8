package org.grantflow.funds.commitment;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.grantflow.funds.api.Filter;
import org.grantflow.funds.api.Page;
import org.grantflow.funds.fund.Fund;
import org.grantflow.funds.fund.FundRepository;
import org.grantflow.funds.ledger.FinancialYear;
import org.grantflow.funds.ledger.FundYear;
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
     * Commits every year of the award's profile, or nothing: see {@link #commitAll}, of which this is
     * a batch of one.
     */
    @Transactional
    public Decision commit(AwardRequested award) {
        return commitAll(List.of(award)).get(0);
    }

    /**
     * Decides a batch of awards in one transaction, each on its own as if alone and in order: every
     * year of an award's profile is committed, or the whole award is refused (which year, how much is
     * short). It takes a shared lock on the funds (so that a close waits) and locks all the balance
     * rows the batch needs in one statement, in (fund, year) order, so that two batches never
     * deadlock; then it records the commitments, their lines and one ledger entry per year, and moves
     * each balance row once by the batch's sum, under the rows' CHECK constraints. Emits
     * {@code commitment.made} or {@code commitment.refused} per award. A bid already committed (before
     * or earlier in the batch) is not committed again; its {@code commitment.made} is sent again so
     * that the saga can go on.
     *
     * @return one decision per award, in the same order
     */
    @Transactional
    public List<Decision> commitAll(List<AwardRequested> awards) {
        Map<UUID, Commitment> committed = new HashMap<>();
        commitments.findByBids(awards.stream().map(AwardRequested::bidId).toList())
                .forEach(c -> committed.put(c.bidId, c));
        // A shared lock: awards go on side by side, but not while the fund is being closed.
        Map<UUID, Fund> fundsById = new HashMap<>();
        funds.lockShared(awards.stream().map(AwardRequested::fundId).toList()).forEach(f -> fundsById.put(f.id, f));
        Set<FundYear> needed = new HashSet<>();
        for (AwardRequested award : awards) {
            if (fundsById.containsKey(award.fundId()) && malformed(award) == null) {
                award.profile().forEach(year -> needed.add(new FundYear(award.fundId(), year.financialYear())));
            }
        }
        Map<FundYear, YearBalance> balances = ledger.lockAll(needed);

        List<Decision> decisions = new ArrayList<>(awards.size());
        // Written together at the end, so that the inserts go in a few statements.
        List<Commitment> newCommitments = new ArrayList<>();
        Map<UUID, List<CommitmentLine>> newLines = new LinkedHashMap<>();
        List<Ledger.Movement> movements = new ArrayList<>();
        List<OutboxWriter.Pending> events = new ArrayList<>();
        for (AwardRequested award : awards) {
            Commitment existing = committed.get(award.bidId());
            if (existing != null) {
                List<CommitmentLine> lines = newLines.containsKey(existing.id) ? newLines.get(existing.id)
                        : commitments.lines(existing.id);
                events.add(new OutboxWriter.Pending(CommitmentEvents.TOPIC, CommitmentEvents.MADE, existing.bidId,
                        made(existing, lines)));
                decisions.add(new Decision(existing.bidId, existing.id, null));
                continue;
            }
            Fund fund = fundsById.get(award.fundId());
            String refusal = fund == null ? "funds-service knows no fund with id " + award.fundId()
                    : fund.status == Fund.Status.CLOSED ? "The " + fund.name + " is closed to new commitments"
                    : malformed(award);
            if (refusal != null) {
                decisions.add(refuse(award, refusal, List.of(), events));
                continue;
            }
            SortedMap<String, BigDecimal> profile = new TreeMap<>();
            award.profile().forEach(year -> profile.put(year.financialYear(), Money.exact(year.amount())));
            List<CommitmentEvents.Shortfall> shortfalls = new ArrayList<>();
            profile.forEach((year, amount) -> {
                YearBalance balance = balances.get(new FundYear(fund.id, year));
                BigDecimal available = balance == null ? Money.ZERO : balance.available();
                if (amount.compareTo(available) > 0) {
                    shortfalls.add(new CommitmentEvents.Shortfall(year, amount, available));
                }
            });
            if (!shortfalls.isEmpty()) {
                decisions.add(refuse(award, shortfallReason(fund, shortfalls), shortfalls, events));
                continue;
            }
            Commitment commitment = commitment(award, fund);
            newCommitments.add(commitment);
            List<CommitmentLine> lines = profile.entrySet().stream()
                    .map(year -> line(commitment, year.getKey(), year.getValue())).toList();
            newLines.put(commitment.id, lines);
            committed.put(commitment.bidId, commitment);
            String reason = "Award of bid " + award.bidId() + (award.title() == null ? "" : ": " + award.title());
            profile.forEach((year, amount) -> {
                movements.add(new Ledger.Movement(fund.id, year, LedgerEntryKind.COMMITMENT_MADE, amount,
                        commitment.id, reason, award.requestedBy()));
                FundYear key = new FundYear(fund.id, year);
                YearBalance was = balances.get(key);
                YearBalance now = YearBalance.of(year, was.budget(), was.committed().add(amount), was.released(),
                        was.paid(), was.repaid());
                balances.put(key, now);
                lowBalance.check(fund.id, fund.name, was, now);
            });
            events.add(new OutboxWriter.Pending(CommitmentEvents.TOPIC, CommitmentEvents.MADE, commitment.bidId,
                    made(commitment, lines)));
            decisions.add(new Decision(commitment.bidId, commitment.id, null));
        }
        newCommitments.forEach(commitments::persist);
        newLines.values().forEach(lines -> lines.forEach(commitments::persistLine));
        ledger.appendAll(movements);
        outbox.writeAll(events);
        return decisions;
    }

    private Commitment commitment(AwardRequested award, Fund fund) {
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
        // Optional and only for information (360Giving): an unusable amount is left out, not a reason to refuse.
        BigDecimal requested = award.amountRequested();
        commitment.amountRequested = requested == null || requested.signum() <= 0 || requested.scale() > 2 ? null
                : Money.exact(requested);
        commitment.spendBy = award.spendBy();
        commitment.projectEndDate = award.projectEndDate();
        commitment.requestedBy = award.requestedBy();
        commitment.committedAt = clock.instant();
        return commitment;
    }

    private static CommitmentLine line(Commitment commitment, String year, BigDecimal amount) {
        CommitmentLine line = new CommitmentLine();
        line.id = UUID.randomUUID();
        line.commitmentId = commitment.id;
        line.financialYear = year;
        line.committed = amount;
        line.released = Money.ZERO;
        line.paid = Money.ZERO;
        line.repaid = Money.ZERO;
        line.paidAfterSpendBy = Money.ZERO;
        return line;
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

    private Decision refuse(AwardRequested award, String reason, List<CommitmentEvents.Shortfall> shortfalls,
            List<OutboxWriter.Pending> events) {
        events.add(new OutboxWriter.Pending(CommitmentEvents.TOPIC, CommitmentEvents.REFUSED, award.bidId(),
                new CommitmentEvents.Refused(award.bidId(), award.fundId(), award.organisationId(),
                        award.amount() == null || award.amount().scale() > 2 ? Money.ZERO : Money.exact(award.amount()),
                        reason, shortfalls, clock.instant())));
        return new Decision(award.bidId(), null, reason);
    }

    private static CommitmentEvents.Made made(Commitment commitment, List<CommitmentLine> lines) {
        List<AwardRequested.YearAmount> profile = lines.stream()
                .map(l -> new AwardRequested.YearAmount(l.financialYear, l.committed)).toList();
        return new CommitmentEvents.Made(commitment.id, commitment.bidId, commitment.fundId, commitment.organisationId,
                commitment.amount, profile, commitment.committedAt);
    }

    /** Why the request cannot be committed as it stands, or {@code null} if it is well formed. */
    private static String malformed(AwardRequested award) {
        if (award.amount() == null || award.profile() == null || award.profile().isEmpty()) {
            return "The award names no amount or no profile";
        }
        if (blankOrLonger(award.organisationId(), 200) || blankOrLonger(award.requestedBy(), 200)) {
            return "The award names no organisation or no officer, or one longer than 200 characters";
        }
        if (longer(award.organisationName(), 200) || longer(award.roundName(), 200) || longer(award.title(), 500)) {
            return "The award's organisation name or round name is longer than 200 characters, or its title longer "
                    + "than 500";
        }
        if (!poundsAndPence(award.amount())) {
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
            if (year.amount() == null || !poundsAndPence(year.amount())) {
                return "The amount for " + year.financialYear() + " must be positive pounds and pence";
            }
            sum = sum.add(year.amount());
        }
        if (sum.compareTo(award.amount()) != 0) {
            return "The profile adds up to " + Money.pounds(sum) + ", not the award's " + Money.pounds(award.amount());
        }
        return null;
    }

    /** Positive, at most two decimals and at most twelve digits before the point, as NUMERIC(14, 2) holds. */
    private static boolean poundsAndPence(BigDecimal amount) {
        return amount.signum() > 0 && amount.scale() <= 2 && amount.precision() - amount.scale() <= 12;
    }

    private static boolean blankOrLonger(String text, int length) {
        return text == null || text.isBlank() || text.length() > length;
    }

    private static boolean longer(String text, int length) {
        return text != null && text.length() > length;
    }

    private static String shortfallReason(Fund fund, List<CommitmentEvents.Shortfall> shortfalls) {
        return shortfalls.stream()
                .map(s -> "The " + fund.name + " has " + Money.pounds(s.available()) + " available in "
                        + s.financialYear() + "; the award needs " + Money.pounds(s.requested()) + " (short by "
                        + Money.pounds(s.requested().subtract(s.available())) + ")")
                .collect(Collectors.joining("; "));
    }
}
