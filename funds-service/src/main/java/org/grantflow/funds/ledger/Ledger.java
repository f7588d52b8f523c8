package org.grantflow.funds.ledger;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * The append-only ledger and the balance per fund and financial year kept beside it. Every entry
 * changes its year's balance row in the same transaction, and the row's CHECK constraints refuse any
 * change that would break an invariant (see {@code V3__create_balances_and_commitments.sql}), so
 * the database, not only this class, guarantees that no fund-year is over-committed.
 */
@ApplicationScoped
public class Ledger {

    private final EntityManager em;
    private final Clock clock;

    Ledger(EntityManager em, Clock clock) {
        this.em = em;
        this.clock = clock;
    }

    /** Makes sure the fund has a (zero) balance row for the year, so that it can be locked and changed. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void openYear(UUID fundId, String financialYear) {
        em.createNativeQuery("""
                INSERT INTO fund_year_balance (fund_id, financial_year) VALUES (:fund, :year)
                ON CONFLICT (fund_id, financial_year) DO NOTHING""")
                .setParameter("fund", fundId)
                .setParameter("year", financialYear)
                .executeUpdate();
    }

    /**
     * Locks the balance rows of the given years until the transaction ends and reads them. Rows are
     * locked in year order, so two transactions locking overlapping years never deadlock. A year
     * without a row is missing from the answer: it has no budget.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Map<String, YearBalance> lock(UUID fundId, Collection<String> financialYears) {
        Map<String, YearBalance> balances = new LinkedHashMap<>();
        if (financialYears.isEmpty()) {
            return balances;
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                SELECT financial_year, budget, committed, released, paid, repaid FROM fund_year_balance
                WHERE fund_id = :fund AND financial_year IN (:years)
                ORDER BY financial_year FOR UPDATE""")
                .setParameter("fund", fundId)
                .setParameter("years", new TreeSet<>(financialYears))
                .getResultList();
        rows.forEach(row -> balances.put((String) row[0], balance(row)));
        return balances;
    }

    /**
     * Appends an entry and moves its year's balance by the same amount. Fails with a constraint
     * violation (and nothing is written once the transaction rolls back) if the change would break
     * an invariant.
     *
     * @param amount the change: signed for budget entries, positive for all others
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public LedgerEntry append(UUID fundId, String financialYear, LedgerEntryKind kind, BigDecimal amount,
            UUID commitmentId, String reason, String recordedBy) {
        LedgerEntry entry = new LedgerEntry();
        entry.id = UUID.randomUUID();
        entry.fundId = fundId;
        entry.financialYear = financialYear;
        entry.kind = kind;
        entry.amount = amount.setScale(2, RoundingMode.UNNECESSARY);
        entry.commitmentId = commitmentId;
        entry.reason = reason;
        entry.recordedBy = recordedBy;
        entry.recordedAt = clock.instant();
        em.persist(entry);
        String column = switch (kind) {
            case BUDGET_SET, BUDGET_ADJUSTED -> "budget";
            case COMMITMENT_MADE -> "committed";
            case COMMITMENT_RELEASED -> "released";
            case PAYMENT -> "paid";
            case REPAYMENT -> "repaid";
        };
        int updated = em.createNativeQuery("UPDATE fund_year_balance SET " + column + " = " + column
                + " + :amount WHERE fund_id = :fund AND financial_year = :year")
                .setParameter("amount", entry.amount)
                .setParameter("fund", fundId)
                .setParameter("year", financialYear)
                .executeUpdate();
        if (updated != 1) {
            throw new IllegalStateException("No balance for fund " + fundId + " in " + financialYear);
        }
        return entry;
    }

    /** The balances of a fund, in year order. */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<YearBalance> balances(UUID fundId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                SELECT financial_year, budget, committed, released, paid, repaid FROM fund_year_balance
                WHERE fund_id = :fund ORDER BY financial_year""")
                .setParameter("fund", fundId)
                .getResultList();
        return rows.stream().map(Ledger::balance).toList();
    }

    /** The balance of one fund-year; a zero balance if it has none. */
    @Transactional(Transactional.TxType.MANDATORY)
    public YearBalance balance(UUID fundId, String financialYear) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                SELECT financial_year, budget, committed, released, paid, repaid FROM fund_year_balance
                WHERE fund_id = :fund AND financial_year = :year""")
                .setParameter("fund", fundId)
                .setParameter("year", financialYear)
                .getResultList();
        return rows.isEmpty() ? YearBalance.empty(financialYear) : balance(rows.get(0));
    }

    /** The budget of each of the given funds per financial year, years in order; funds without any left out. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Map<UUID, SortedMap<String, BigDecimal>> budgets(Collection<UUID> fundIds) {
        Map<UUID, SortedMap<String, BigDecimal>> budgets = new HashMap<>();
        if (fundIds.isEmpty()) {
            return budgets;
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                SELECT fund_id, financial_year, budget FROM fund_year_balance WHERE fund_id IN (:funds)""")
                .setParameter("funds", fundIds)
                .getResultList();
        rows.forEach(row -> budgets.computeIfAbsent((UUID) row[0], id -> new TreeMap<>())
                .put((String) row[1], money(row[2])));
        return budgets;
    }

    private static YearBalance balance(Object[] row) {
        return YearBalance.of((String) row[0], money(row[1]), money(row[2]), money(row[3]), money(row[4]),
                money(row[5]));
    }

    private static BigDecimal money(Object value) {
        return ((BigDecimal) value).setScale(2, RoundingMode.UNNECESSARY);
    }
}
