package org.grantflow.funds.reconciliation;

import java.math.BigDecimal;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.grantflow.funds.fund.Fund;
import org.grantflow.funds.fund.FundRepository;
import org.grantflow.funds.ledger.FinancialYear;
import org.grantflow.funds.ledger.Ledger;
import org.grantflow.funds.ledger.YearBalance;
import org.grantflow.funds.problem.DomainException;
import org.grantflow.funds.problem.Violation;

@ApplicationScoped
public class ReconciliationService {

    private static final int BATCH = 1000;

    private final EntityManager em;
    private final FundRepository funds;
    private final Ledger ledger;

    ReconciliationService(EntityManager em, FundRepository funds, Ledger ledger) {
        this.em = em;
        this.funds = funds;
        this.ledger = ledger;
    }

    /**
     * The fund-year's totals and, per award with money in that year, awarded, paid, remaining, last
     * payment and what was paid after the spend-by date. It reads the running figures of the balance
     * row and the commitment lines, which move with every payment, so its cost grows with the awards
     * in the year, not with their payments.
     */
    @Transactional
    public ReconciliationReport report(UUID fundId, String financialYear) {
        String year = FinancialYear.parse(financialYear);
        Fund fund = funds.findByIdOptional(fundId).orElseThrow(() -> DomainException.notFound("fund", fundId));
        YearBalance balance = ledger.balance(fundId, year);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                SELECT c.id, c.bid_id, c.organisation_id, c.organisation_name, c.title,
                       l.committed - l.released, l.paid - l.repaid, l.committed - l.released - l.paid + l.repaid,
                       l.last_paid_on, c.spend_by, l.paid_after_spend_by
                FROM commitment_line l JOIN commitment c ON c.id = l.commitment_id
                WHERE c.fund_id = :fund AND l.financial_year = :year
                ORDER BY c.organisation_id, c.committed_at, c.id""")
                .setParameter("fund", fundId)
                .setParameter("year", year)
                .getResultList();
        List<ReconciliationReport.Award> awards = rows.stream().map(r -> new ReconciliationReport.Award(
                (UUID) r[0], (UUID) r[1], (String) r[2], (String) r[3], (String) r[4], money(r[5]), money(r[6]),
                money(r[7]), date(r[8]), date(r[9]), money(r[10]), money(r[10]).signum() > 0)).toList();
        return new ReconciliationReport(fund.id, fund.code, fund.name, year, balance.budget(), balance.committed(),
                balance.released(), balance.paid().subtract(balance.repaid()), balance.available(),
                balance.outstanding(), awards);
    }

    /** The report as CSV for spreadsheets: one line per award, then a TOTAL line. */
    public String csv(ReconciliationReport report) {
        StringBuilder csv = new StringBuilder(Csv.line("fund_code", "financial_year", "commitment_id", "bid_id",
                "organisation_id", "organisation_name", "title", "awarded", "paid", "remaining", "last_payment_on",
                "spend_by", "paid_after_spend_by", "after_spend_by"));
        BigDecimal paidAfterSpendBy = BigDecimal.ZERO.setScale(2);
        for (ReconciliationReport.Award a : report.awards()) {
            csv.append(Csv.line(report.fundCode(), report.financialYear(), a.commitmentId(), a.bidId(),
                    a.organisationId(), a.organisationName(), a.title(), a.awarded(), a.paid(), a.remaining(),
                    a.lastPaymentOn(), a.spendBy(), a.paidAfterSpendBy(), a.afterSpendBy()));
            paidAfterSpendBy = paidAfterSpendBy.add(a.paidAfterSpendBy());
        }
        csv.append(Csv.line(report.fundCode(), report.financialYear(), "TOTAL", null, null, null, null,
                report.committed().subtract(report.released()), report.paid(), report.outstanding(), null, null,
                paidAfterSpendBy, paidAfterSpendBy.signum() > 0));
        return csv.toString();
    }

    /**
     * Matches a finance-system statement against recorded payments by finance reference. Reads only:
     * a bad file (any bad line, or a fund code nobody knows) is refused whole with line-numbered
     * errors, and a good one changes nothing either.
     */
    @Transactional
    public StatementMatch match(String statement) {
        StatementParser.Parsed parsed = StatementParser.parse(statement);
        List<Violation> errors = new ArrayList<>(parsed.errors());
        // Each line names a fund by its code or by its cost centre.
        Map<String, Fund> fundsByCode = new HashMap<>();
        for (StatementParser.Line line : parsed.lines()) {
            Fund fund = fundsByCode.computeIfAbsent(line.fundCode(), funds::findByCodeOrCostCentre);
            if (fund == null) {
                errors.add(new Violation("BAD_LINE", "line " + line.number(), "Line " + line.number()
                        + ": no fund has the code or cost centre " + line.fundCode()));
            }
        }
        fundsByCode.values().removeIf(Objects::isNull);
        if (!errors.isEmpty()) {
            errors.sort(Comparator.comparingInt(v -> Integer.parseInt(v.field().substring(5))));
            throw new DomainException(422, "invalid-statement", "The statement cannot be read",
                    errors.size() + " line(s) of the statement are not valid; nothing was matched", errors);
        }
        List<StatementParser.Line> lines = parsed.lines();
        Map<String, Object[]> recorded = paymentsByReference(lines.stream().map(StatementParser.Line::reference)
                .toList());
        List<StatementMatch.Item> matched = new ArrayList<>();
        List<StatementMatch.Item> differs = new ArrayList<>();
        List<StatementMatch.Item> onlyFinance = new ArrayList<>();
        for (StatementParser.Line line : lines) {
            Object[] payment = recorded.get(line.reference());
            if (payment == null) {
                onlyFinance.add(new StatementMatch.Item(line.number(), line.reference(), line.date(),
                        fundsByCode.get(line.fundCode()).code, line.amount(), null, null));
                continue;
            }
            BigDecimal amount = signed(payment);
            StatementMatch.Item item = new StatementMatch.Item(line.number(), line.reference(), line.date(),
                    fundsByCode.get(line.fundCode()).code, line.amount(), amount, (UUID) payment[0]);
            (amount.compareTo(line.amount()) == 0 ? matched : differs).add(item);
        }
        List<StatementMatch.Item> onlyGrantflow = new ArrayList<>();
        if (!lines.isEmpty()) {
            LocalDate from = lines.stream().map(StatementParser.Line::date).min(LocalDate::compareTo).orElseThrow();
            LocalDate to = lines.stream().map(StatementParser.Line::date).max(LocalDate::compareTo).orElseThrow();
            Set<String> onStatement = new HashSet<>(lines.stream().map(StatementParser.Line::reference).toList());
            Map<UUID, String> codes = new HashMap<>();
            fundsByCode.values().forEach(f -> codes.put(f.id, f.code));
            @SuppressWarnings("unchecked")
            List<Object[]> inRange = em.createNativeQuery("""
                    SELECT id, finance_reference, kind, amount, paid_on, fund_id FROM payment
                    WHERE fund_id IN (:funds) AND paid_on BETWEEN :from AND :to ORDER BY paid_on, finance_reference""")
                    .setParameter("funds", codes.keySet())
                    .setParameter("from", from)
                    .setParameter("to", to)
                    .getResultList();
            for (Object[] p : inRange) {
                if (!onStatement.contains((String) p[1])) {
                    onlyGrantflow.add(new StatementMatch.Item(null, (String) p[1], date(p[4]),
                            codes.get((UUID) p[5]), null, signed(new Object[] { p[0], p[1], p[2], p[3] }),
                            (UUID) p[0]));
                }
            }
        }
        return new StatementMatch(lines.size(), matched, differs, onlyFinance, onlyGrantflow);
    }

    /** id, finance_reference, kind, amount of the payments with these references. */
    private Map<String, Object[]> paymentsByReference(List<String> references) {
        Map<String, Object[]> found = new HashMap<>();
        for (int i = 0; i < references.size(); i += BATCH) {
            @SuppressWarnings("unchecked")
            List<Object[]> rows = em.createNativeQuery("""
                    SELECT id, finance_reference, kind, amount FROM payment WHERE finance_reference IN (:refs)""")
                    .setParameter("refs", references.subList(i, Math.min(references.size(), i + BATCH)))
                    .getResultList();
            rows.forEach(r -> found.put((String) r[1], r));
        }
        return found;
    }

    private static BigDecimal signed(Object[] payment) {
        BigDecimal amount = money(payment[3]);
        return "REPAYMENT".equals(payment[2]) ? amount.negate() : amount;
    }

    private static LocalDate date(Object value) {
        if (value == null || value instanceof LocalDate) {
            return (LocalDate) value;
        }
        return ((Date) value).toLocalDate();
    }

    private static BigDecimal money(Object value) {
        return ((BigDecimal) value).setScale(2);
    }
}
