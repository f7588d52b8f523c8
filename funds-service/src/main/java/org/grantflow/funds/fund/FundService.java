package org.grantflow.funds.fund;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.UnaryOperator;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;

import org.grantflow.funds.api.Filter;
import org.grantflow.funds.api.Page;
import org.grantflow.funds.ledger.Constraints;
import org.grantflow.funds.ledger.FinancialYear;
import org.grantflow.funds.ledger.Ledger;
import org.grantflow.funds.ledger.LedgerEntryKind;
import org.grantflow.funds.ledger.LowBalanceAlarm;
import org.grantflow.funds.ledger.Money;
import org.grantflow.funds.ledger.YearBalance;
import org.grantflow.funds.outbox.OutboxWriter;
import org.grantflow.funds.problem.DomainException;
import org.grantflow.funds.problem.Violation;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Sort;

@ApplicationScoped
public class FundService {

    public static final String TOPIC = "funds.fund.events";
    static final String CREATED = "grantflow.fund.created.v1";
    static final String UPDATED = "grantflow.fund.updated.v1";
    static final String CLOSED = "grantflow.fund.closed.v1";
    static final String BUDGET_SET = "grantflow.fund.budget-set.v1";

    private static final String CODE_UNIQUE = "fund_code_unique";
    private static final String COST_CENTRE_UNIQUE = "fund_cost_centre_code_unique";

    private final FundRepository funds;
    private final Ledger ledger;
    private final LowBalanceAlarm lowBalance;
    private final OutboxWriter outbox;
    private final Clock clock;

    FundService(FundRepository funds, Ledger ledger, LowBalanceAlarm lowBalance, OutboxWriter outbox, Clock clock) {
        this.funds = funds;
        this.ledger = ledger;
        this.lowBalance = lowBalance;
        this.outbox = outbox;
        this.clock = clock;
    }

    /**
     * Creates an open fund with its budgets, each recorded as a {@code BUDGET_SET} ledger entry, and
     * announces it with {@code grantflow.fund.created.v1}, all in one transaction.
     */
    @Transactional
    public FundView create(CreateFundRequest request, String officer) {
        List<CreateFundRequest.BudgetLine> lines = request.budgetLines();
        checkFinancialYears(lines);
        if (funds.codeTaken(request.code())) {
            throw codeTaken(request.code());
        }
        if (funds.referenceTaken(request.code(), null)) {
            // A statement naming it could not tell the two funds apart.
            throw DomainException.conflict("fund-code-taken", "The fund code is taken",
                    request.code() + " is another fund's cost centre; choose another code");
        }
        checkCostCentreFree(request.costCentreCode(), null);
        Instant now = clock.instant();
        Fund fund = new Fund();
        fund.id = UUID.randomUUID();
        fund.code = request.code();
        fund.costCentreCode = request.costCentreCode();
        fund.name = request.name();
        fund.description = request.description();
        fund.fundingSource = request.fundingSource();
        fund.ringFenced = request.ringFenced();
        fund.status = Fund.Status.OPEN;
        fund.createdBy = officer;
        fund.createdAt = now;
        try {
            funds.persistAndFlush(fund);
        } catch (PersistenceException e) {
            // Another request took the code between the check and the insert.
            if (Constraints.violated(e, CODE_UNIQUE)) {
                throw codeTaken(request.code());
            }
            if (Constraints.violated(e, COST_CENTRE_UNIQUE)) {
                throw costCentreTaken(request.costCentreCode());
            }
            throw e;
        }
        for (CreateFundRequest.BudgetLine line : lines) {
            ledger.openYear(fund.id, line.financialYear());
            ledger.append(fund.id, line.financialYear(), LedgerEntryKind.BUDGET_SET, line.amount(), null,
                    "Budget set when the fund was created", officer);
        }
        FundView view = FundView.of(fund, budgetsOf(lines));
        outbox.write(TOPIC, CREATED, fund.id, FundChanged.of(view));
        return view;
    }

    /** Changes a fund's details (not its code) and announces it with {@code grantflow.fund.updated.v1}. */
    @Transactional
    public FundView update(UUID id, UpdateFundRequest request, Long expectedVersion, String officer) {
        Fund fund = lockedFund(id, expectedVersion);
        checkCostCentreFree(request.costCentreCode(), id);
        fund.costCentreCode = request.costCentreCode();
        fund.name = request.name();
        fund.description = request.description();
        fund.fundingSource = request.fundingSource();
        fund.ringFenced = request.ringFenced();
        return changed(fund, officer, UPDATED);
    }

    /**
     * Closes a fund to new commitments; what is committed stays committed and can still be paid.
     * Closing a closed fund changes nothing.
     */
    @Transactional
    public FundView close(UUID id, Long expectedVersion, String officer) {
        Fund fund = lockedFund(id, expectedVersion);
        if (fund.status == Fund.Status.CLOSED) {
            return FundView.of(fund, ledger.budgets(List.of(id)).get(id));
        }
        fund.status = Fund.Status.CLOSED;
        return changed(fund, officer, CLOSED);
    }

    /** Sets a year's budget to an amount; the ledger records the difference. */
    @Transactional
    public YearBalance setBudget(UUID fundId, String financialYear, SetBudgetRequest request, String officer) {
        return changeBudget(fundId, financialYear, request.reason(), officer, current -> request.amount()
                .setScale(2, RoundingMode.UNNECESSARY).subtract(current), LedgerEntryKind.BUDGET_SET);
    }

    /** Raises or lowers a year's budget by an amount. */
    @Transactional
    public YearBalance adjustBudget(UUID fundId, String financialYear, AdjustBudgetRequest request, String officer) {
        return changeBudget(fundId, financialYear, request.reason(), officer,
                current -> request.change().setScale(2, RoundingMode.UNNECESSARY), LedgerEntryKind.BUDGET_ADJUSTED);
    }

    @Transactional
    public List<YearBalance> balances(UUID fundId) {
        funds.findByIdOptional(fundId).orElseThrow(() -> DomainException.notFound("fund", fundId));
        return ledger.balances(fundId);
    }

    @Transactional
    public FundView get(UUID id) {
        Fund fund = funds.findByIdOptional(id).orElseThrow(() -> DomainException.notFound("fund", id));
        return FundView.of(fund, ledger.budgets(List.of(id)).get(id));
    }

    @Transactional
    public Page<FundView> list(Fund.Status status, int page, int size) {
        Filter filter = new Filter().equal("status", status);
        PanacheQuery<Fund> query = funds.find(filter.query(), Sort.by("code"), filter.parameters());
        query.page(io.quarkus.panache.common.Page.of(page, size));
        List<Fund> found = query.list();
        Map<UUID, SortedMap<String, BigDecimal>> budgets = ledger.budgets(found.stream().map(f -> f.id).toList());
        return new Page<>(found.stream().map(f -> FundView.of(f, budgets.get(f.id))).toList(), page, size,
                query.count());
    }

    private YearBalance changeBudget(UUID fundId, String financialYear, String reason, String officer,
            UnaryOperator<BigDecimal> changeFromCurrent, LedgerEntryKind kind) {
        String year = FinancialYear.parse(financialYear);
        Fund fund = funds.findByIdOptional(fundId).orElseThrow(() -> DomainException.notFound("fund", fundId));
        ledger.openYear(fundId, year);
        YearBalance before = ledger.lock(fundId, List.of(year)).get(year);
        BigDecimal change = changeFromCurrent.apply(before.budget());
        BigDecimal budget = before.budget().add(change);
        BigDecimal held = before.committed().subtract(before.released());
        if (budget.compareTo(held) < 0) {
            throw new DomainException(422, "budget-below-committed", "The budget cannot be lower than what is committed",
                    "The " + year + " budget would be " + Money.pounds(budget) + " but " + Money.pounds(held)
                            + " is committed",
                    List.of(new Violation("BUDGET_BELOW_COMMITTED", kind == LedgerEntryKind.BUDGET_SET ? "amount" : "change",
                            "The " + year + " budget cannot go below the " + Money.pounds(held) + " already committed")));
        }
        if (change.signum() == 0) {
            return before;
        }
        ledger.append(fundId, year, kind, change, null, reason, officer);
        YearBalance after = ledger.balance(fundId, year);
        outbox.write(TOPIC, BUDGET_SET, fundId, new BudgetSet(fundId, year, after.budget(), change, kind, reason,
                officer, clock.instant()));
        lowBalance.check(fundId, fund.name, before, after);
        return after;
    }

    private Fund lockedFund(UUID id, Long expectedVersion) {
        Fund fund = funds.findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE)
                .orElseThrow(() -> DomainException.notFound("fund", id));
        if (expectedVersion != null && expectedVersion != fund.version) {
            throw DomainException.conflict("stale-version", "The fund has changed",
                    "The fund is at version " + fund.version + ", not " + expectedVersion + "; read it again");
        }
        return fund;
    }

    private FundView changed(Fund fund, String officer, String type) {
        fund.updatedBy = officer;
        fund.updatedAt = clock.instant();
        try {
            funds.flush();
        } catch (PersistenceException e) {
            if (Constraints.violated(e, COST_CENTRE_UNIQUE)) {
                throw costCentreTaken(fund.costCentreCode);
            }
            throw e;
        }
        FundView view = FundView.of(fund, ledger.budgets(List.of(fund.id)).get(fund.id));
        outbox.write(TOPIC, type, fund.id, FundChanged.of(view));
        return view;
    }

    /** Each budget must be for a real financial year, and for a different one. */
    private static void checkFinancialYears(List<CreateFundRequest.BudgetLine> lines) {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < lines.size(); i++) {
            String year = lines.get(i).financialYear();
            String field = "budgets[" + i + "].financialYear";
            if (!FinancialYear.isConsecutive(year)) {
                throw DomainException.unprocessable("invalid-financial-year", "Not a financial year",
                        new Violation("FINANCIAL_YEAR", field, year + " is not a financial year; write it like 2019/20"));
            }
            if (!seen.add(year)) {
                throw DomainException.unprocessable("duplicate-financial-year", "A financial year is budgeted twice",
                        new Violation("DUPLICATE_FINANCIAL_YEAR", field,
                                "The budget for " + year + " is given more than once; give one amount per year"));
            }
        }
    }

    private static SortedMap<String, BigDecimal> budgetsOf(List<CreateFundRequest.BudgetLine> lines) {
        SortedMap<String, BigDecimal> budgets = new TreeMap<>();
        lines.forEach(line -> budgets.put(line.financialYear(), line.amount().setScale(2, RoundingMode.UNNECESSARY)));
        return budgets;
    }

    /** A cost centre must be no other fund's cost centre or code, so that a statement line finds one fund. */
    private void checkCostCentreFree(String costCentreCode, UUID fundId) {
        if (costCentreCode != null && funds.referenceTaken(costCentreCode, fundId)) {
            throw costCentreTaken(costCentreCode);
        }
    }

    private static DomainException costCentreTaken(String costCentreCode) {
        return DomainException.conflict("cost-centre-taken", "The cost centre is taken",
                costCentreCode + " is another fund's code or cost centre; a statement could not tell them apart");
    }

    private static DomainException codeTaken(String code) {
        return DomainException.conflict("fund-code-taken", "The fund code is taken",
                "A fund with code " + code + " already exists; choose another code");
    }

    /**
     * The payload of {@code grantflow.fund.created.v1}, {@code .updated.v1} and {@code .closed.v1}: the
     * fund as it is after the change. Amounts go out as strings with two decimals.
     */
    public record FundChanged(UUID fundId, String code, String costCentreCode, String name, String description,
            FundingSource fundingSource, boolean ringFenced, Fund.Status status, List<Budget> budgets) {

        static FundChanged of(FundView fund) {
            return new FundChanged(fund.id(), fund.code(), fund.costCentreCode(), fund.name(), fund.description(),
                    fund.fundingSource(), fund.ringFenced(), fund.status(), fund.budgets());
        }
    }

    /** The payload of {@code grantflow.fund.budget-set.v1}. */
    public record BudgetSet(UUID fundId, String financialYear, BigDecimal budget, BigDecimal change,
            LedgerEntryKind kind, String reason, String changedBy, Instant changedAt) {
    }
}
