package org.grantflow.funds.reconciliation;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
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
import org.hibernate.Session;
import org.postgresql.PGConnection;

@ApplicationScoped
public class ReconciliationService {

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
        if (lines.isEmpty()) {
            return new StatementMatch(0, List.of(), List.of(), List.of(), List.of());
        }
        stage(lines, fundsByCode);
        Map<UUID, String> codes = new HashMap<>();
        fundsByCode.values().forEach(f -> codes.put(f.id, f.code));

        // Each line with the payment of its reference, if there is one: one join, in line order.
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                SELECT s.line, s.reference, s.paid_on, s.amount, s.fund_id, p.id, p.kind, p.amount
                FROM statement_line s LEFT JOIN payment p ON p.finance_reference = s.reference
                ORDER BY s.line""")
                .getResultList();
        List<StatementMatch.Item> matched = new ArrayList<>();
        List<StatementMatch.Item> differs = new ArrayList<>();
        List<StatementMatch.Item> onlyFinance = new ArrayList<>();
        for (Object[] r : rows) {
            BigDecimal onStatement = money(r[3]);
            if (r[5] == null) {
                onlyFinance.add(new StatementMatch.Item((Integer) r[0], (String) r[1], date(r[2]),
                        codes.get((UUID) r[4]), onStatement, null, null));
                continue;
            }
            BigDecimal recorded = signed((String) r[6], r[7]);
            (recorded.compareTo(onStatement) == 0 ? matched : differs).add(new StatementMatch.Item((Integer) r[0],
                    (String) r[1], date(r[2]), codes.get((UUID) r[4]), onStatement, recorded, (UUID) r[5]));
        }
        // Payments of the statement's funds within its first and last dates that it lacks.
        LocalDate from = lines.stream().map(StatementParser.Line::date).min(LocalDate::compareTo).orElseThrow();
        LocalDate to = lines.stream().map(StatementParser.Line::date).max(LocalDate::compareTo).orElseThrow();
        @SuppressWarnings("unchecked")
        List<Object[]> missing = em.createNativeQuery("""
                SELECT p.id, p.finance_reference, p.kind, p.amount, p.paid_on, p.fund_id FROM payment p
                WHERE p.fund_id IN (:funds) AND p.paid_on BETWEEN :from AND :to
                AND NOT EXISTS (SELECT 1 FROM statement_line s WHERE s.reference = p.finance_reference)
                ORDER BY p.paid_on, p.finance_reference""")
                .setParameter("funds", codes.keySet())
                .setParameter("from", from)
                .setParameter("to", to)
                .getResultList();
        List<StatementMatch.Item> onlyGrantflow = missing.stream().map(p -> new StatementMatch.Item(null,
                (String) p[1], date(p[4]), codes.get((UUID) p[5]), null, signed((String) p[2], p[3]), (UUID) p[0]))
                .toList();
        return new StatementMatch(lines.size(), matched, differs, onlyFinance, onlyGrantflow);
    }

    /**
     * Copies the statement's lines into a temporary table that lives until the transaction ends, so
     * that they are matched in two set-based queries however long the statement is.
     */
    private void stage(List<StatementParser.Line> lines, Map<String, Fund> fundsByCode) {
        em.createNativeQuery("""
                CREATE TEMPORARY TABLE statement_line (line INT NOT NULL, reference TEXT NOT NULL,
                    paid_on DATE NOT NULL, amount NUMERIC(14, 2) NOT NULL, fund_id UUID NOT NULL) ON COMMIT DROP""")
                .executeUpdate();
        StringBuilder csv = new StringBuilder(lines.size() * 64);
        for (StatementParser.Line line : lines) {
            csv.append(line.number()).append(",\"").append(line.reference().replace("\"", "\"\"")).append("\",")
                    .append(line.date()).append(',').append(line.amount().toPlainString()).append(',')
                    .append(fundsByCode.get(line.fundCode()).id).append('\n');
        }
        em.unwrap(Session.class).doWork(connection -> {
            try {
                connection.unwrap(PGConnection.class).getCopyAPI().copyIn(
                        "COPY statement_line (line, reference, paid_on, amount, fund_id) FROM STDIN WITH (FORMAT csv)",
                        new StringReader(csv.toString()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        em.createNativeQuery("CREATE INDEX ON statement_line (reference)").executeUpdate();
        em.createNativeQuery("ANALYZE statement_line").executeUpdate();
    }

    private static BigDecimal signed(String kind, Object amount) {
        return "REPAYMENT".equals(kind) ? money(amount).negate() : money(amount);
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
