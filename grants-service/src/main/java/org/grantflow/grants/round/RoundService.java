package org.grantflow.grants.round;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.grantflow.grants.api.Filter;
import org.grantflow.grants.api.Page;
import org.grantflow.grants.eligibility.RoundRules;
import org.grantflow.grants.fund.Fund;
import org.grantflow.grants.fund.FundRepository;
import org.grantflow.grants.idempotency.IdempotentRequests;
import org.grantflow.grants.outbox.OutboxWriter;
import org.grantflow.grants.problem.DomainException;
import org.grantflow.grants.problem.Violation;

import io.quarkus.panache.common.Sort;

@ApplicationScoped
public class RoundService {

    public static final String TOPIC = "grants.round.events";
    static final String OPENED = "grantflow.round.opened.v1";

    private final RoundRepository rounds;
    private final FundRepository funds;
    private final OutboxWriter outbox;
    private final IdempotentRequests idempotency;
    private final Clock clock;

    RoundService(RoundRepository rounds, FundRepository funds, OutboxWriter outbox, IdempotentRequests idempotency,
            Clock clock) {
        this.rounds = rounds;
        this.idempotency = idempotency;
        this.funds = funds;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** Opens a round for bids now; a retry with the same Idempotency-Key answers the first round. */
    @Transactional
    public RoundView open(CreateRoundRequest request, String officer, String idempotencyKey) {
        return idempotency.once(officer, idempotencyKey, "POST /api/v1/rounds", request, RoundView.class,
                () -> open(request, officer));
    }

    /** Opens a round for bids now, closing at the given UK local time. */
    private RoundView open(CreateRoundRequest request, String officer) {
        Fund fund = funds.findByIdOptional(request.fundId()).orElseThrow(() -> DomainException.unprocessable(
                "unknown-fund", "The fund is not known", new Violation("UNKNOWN_FUND", "fundId",
                        "No fund with id " + request.fundId() + " is known to grants-service")));
        if (fund.status != Fund.Status.OPEN) {
            throw DomainException.unprocessable("fund-closed", "The fund is closed",
                    new Violation("FUND_CLOSED", "fundId", "The fund " + fund.name + " is closed"));
        }
        if (!FinancialYear.isConsecutive(request.financialYear())) {
            throw DomainException.unprocessable("invalid-financial-year", "Not a financial year",
                    new Violation("FINANCIAL_YEAR", "financialYear",
                            request.financialYear() + " is not a financial year; write it like 2017/18"));
        }
        Instant now = clock.instant();
        Instant closesAt = UkTime.toInstant(request.closesAt());
        if (!closesAt.isAfter(now)) {
            throw DomainException.unprocessable("closing-date-passed", "The closing date has passed",
                    new Violation("CLOSES_AT_PASSED", "closesAt",
                            "The round would close at " + request.closesAt() + " UK time, which has passed"));
        }
        if (request.gracePeriod() != null && request.gracePeriod().isNegative()) {
            throw DomainException.unprocessable("invalid-grace-period", "The grace period is negative",
                    new Violation("GRACE_PERIOD", "gracePeriod", "A grace period cannot be negative"));
        }
        List<String> years = request.financialYears() == null || request.financialYears().isEmpty()
                ? List.of(request.financialYear()) : List.copyOf(request.financialYears());
        for (String year : years) {
            if (!FinancialYear.isConsecutive(year)) {
                throw DomainException.unprocessable("invalid-financial-year", "Not a financial year",
                        new Violation("FINANCIAL_YEAR", "financialYears",
                                year + " is not a financial year; write it like 2017/18"));
            }
        }
        Round round = new Round();
        round.id = UUID.randomUUID();
        round.fundId = fund.id;
        round.name = request.name();
        round.financialYear = request.financialYear();
        round.status = Round.Status.OPEN;
        round.opensAt = now;
        round.closesAt = closesAt;
        round.financialYears = years;
        round.pot = request.pot() == null ? null : request.pot().setScale(2);
        round.spendBy = request.spendBy();
        round.gracePeriodSeconds = request.gracePeriod() == null ? 0 : request.gracePeriod().toSeconds();
        round.rules = request.rules() == null ? RoundRules.NONE : request.rules();
        round.criteria = request.criteria() == null ? List.of() : List.copyOf(request.criteria());
        round.createdBy = officer;
        round.createdAt = now;
        rounds.persist(round);
        outbox.write(TOPIC, OPENED, round.id, new RoundOpened(round.id, fund.id, fund.name, round.name,
                round.financialYear, round.opensAt, round.closesAt, request.closesAt(), UkTime.ZONE.getId(), round.spendBy,
                round.pot));
        return RoundView.of(round);
    }

    @Transactional
    public RoundView get(UUID id) {
        return rounds.findByIdOptional(id).map(RoundView::of)
                .orElseThrow(() -> DomainException.notFound("round", id));
    }

    @Transactional
    public Page<RoundView> list(Round.Status status, UUID fundId, int page, int size) {
        Filter filter = new Filter().equal("status", status).equal("fundId", fundId);
        return Page.of(rounds.find(filter.query(), Sort.by("closesAt").and("id"), filter.parameters()), page, size,
                RoundView::of);
    }

    /** The payload of {@code grantflow.round.opened.v1}. */
    public record RoundOpened(UUID roundId, UUID fundId, String fundName, String name, String financialYear,
            Instant opensAt, Instant closesAt, LocalDateTime closesAtUkTime, String timeZone, LocalDate spendBy,
            BigDecimal pot) {
    }
}
