package org.grantflow.funds.fund;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;

import org.grantflow.funds.api.Filter;
import org.grantflow.funds.api.Page;
import org.grantflow.funds.ledger.FinancialYear;
import org.grantflow.funds.ledger.LedgerEntry;
import org.grantflow.funds.ledger.LedgerEntryKind;
import org.grantflow.funds.ledger.LedgerRepository;
import org.grantflow.funds.outbox.OutboxWriter;
import org.grantflow.funds.problem.DomainException;
import org.grantflow.funds.problem.Violation;
import org.hibernate.exception.ConstraintViolationException;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Sort;

@ApplicationScoped
public class FundService {

    public static final String TOPIC = "funds.fund.events";
    static final String CREATED = "grantflow.fund.created.v1";

    private static final String CODE_UNIQUE = "fund_code_unique";

    private final FundRepository funds;
    private final LedgerRepository ledger;
    private final OutboxWriter outbox;
    private final Clock clock;

    FundService(FundRepository funds, LedgerRepository ledger, OutboxWriter outbox, Clock clock) {
        this.funds = funds;
        this.ledger = ledger;
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
        Instant now = clock.instant();
        Fund fund = new Fund();
        fund.id = UUID.randomUUID();
        fund.code = request.code();
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
            if (violates(e, CODE_UNIQUE)) {
                throw codeTaken(request.code());
            }
            throw e;
        }
        for (CreateFundRequest.BudgetLine line : lines) {
            LedgerEntry entry = new LedgerEntry();
            entry.id = UUID.randomUUID();
            entry.fundId = fund.id;
            entry.financialYear = line.financialYear();
            entry.kind = LedgerEntryKind.BUDGET_SET;
            entry.amount = line.amount().setScale(2, RoundingMode.UNNECESSARY);
            entry.reason = "Budget set when the fund was created";
            entry.recordedBy = officer;
            entry.recordedAt = now;
            ledger.persist(entry);
        }
        FundView view = FundView.of(fund, budgetsOf(lines));
        outbox.write(TOPIC, CREATED, fund.id, new FundCreated(fund.id, fund.code, fund.name, fund.description,
                fund.fundingSource, fund.ringFenced, fund.status, view.budgets()));
        return view;
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
        SortedMap<String, BigDecimal> budgets = new java.util.TreeMap<>();
        lines.forEach(line -> budgets.put(line.financialYear(), line.amount().setScale(2, RoundingMode.UNNECESSARY)));
        return budgets;
    }

    private static DomainException codeTaken(String code) {
        return DomainException.conflict("fund-code-taken", "The fund code is taken",
                "A fund with code " + code + " already exists; choose another code");
    }

    private static boolean violates(Throwable e, String constraint) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ConstraintViolationException c && c.getConstraintName() != null
                    && c.getConstraintName().toLowerCase(Locale.ROOT).contains(constraint)) {
                return true;
            }
        }
        return false;
    }

    /** The payload of {@code grantflow.fund.created.v1}; amounts go out as strings with two decimals. */
    public record FundCreated(UUID fundId, String code, String name, String description, FundingSource fundingSource,
            boolean ringFenced, Fund.Status status, List<Budget> budgets) {
    }
}
