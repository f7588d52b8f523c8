package org.grantflow.funds.ledger;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.StringJoiner;
import java.util.TreeMap;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
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
     * Locks the balance rows of the given years of one fund until the transaction ends and reads
     * them (see {@link #lockAll}). A year without a row is missing from the answer: it has no budget.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Map<String, YearBalance> lock(UUID fundId, Collection<String> financialYears) {
        Map<String, YearBalance> balances = new TreeMap<>();
        lockAll(financialYears.stream().map(year -> new FundYear(fundId, year)).toList())
                .forEach((key, balance) -> balances.put(key.financialYear(), balance));
        return balances;
    }

    /**
     * Locks the balance rows of the given fund-years until the transaction ends and reads them, in
     * one statement that locks in (fund, year) order, so that transactions locking overlapping sets
     * never deadlock. Fund-years without a row are missing from the answer: they have no budget.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Map<FundYear, YearBalance> lockAll(Collection<FundYear> fundYears) {
        Map<FundYear, YearBalance> balances = new HashMap<>();
        if (fundYears.isEmpty()) {
            return balances;
        }
        List<FundYear> keys = List.copyOf(new LinkedHashSet<>(fundYears));
        StringJoiner pairs = new StringJoiner(", ");
        for (int i = 0; i < keys.size(); i++) {
            pairs.add("(:fund" + i + ", :year" + i + ")");
        }
        Query query = em.createNativeQuery("SELECT fund_id, financial_year, budget, committed, released, paid, repaid "
                + "FROM fund_year_balance WHERE (fund_id, financial_year) IN (" + pairs
                + ") ORDER BY fund_id, financial_year FOR UPDATE");
        for (int i = 0; i < keys.size(); i++) {
            query.setParameter("fund" + i, keys.get(i).fundId()).setParameter("year" + i, keys.get(i).financialYear());
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.getResultList();
        rows.forEach(row -> balances.put(new FundYear((UUID) row[0], (String) row[1]),
                balance(Arrays.copyOfRange(row, 1, row.length))));
        return balances;
    }

    /** One movement of money to append: the amount is signed for budget entries, positive for all others. */
    public record Movement(UUID fundId, String financialYear, LedgerEntryKind kind, BigDecimal amount,
            UUID commitmentId, String reason, String recordedBy) {
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
        return appendAll(List.of(new Movement(fundId, financialYear, kind, amount, commitmentId, reason, recordedBy)))
                .get(0);
    }

    /**
     * Appends the entries and moves each fund-year's balance by their sum, in one statement. The
     * balance rows' CHECK constraints judge the result; within a batch every kind only adds to its
     * column, so the result breaks an invariant exactly when one of the entries applied one by one
     * would have.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<LedgerEntry> appendAll(List<Movement> movements) {
        List<LedgerEntry> entries = new ArrayList<>(movements.size());
        Map<FundYear, BigDecimal[]> changes = new LinkedHashMap<>();
        for (Movement movement : movements) {
            LedgerEntry entry = new LedgerEntry();
            entry.id = UUID.randomUUID();
            entry.fundId = movement.fundId();
            entry.financialYear = movement.financialYear();
            entry.kind = movement.kind();
            entry.amount = movement.amount().setScale(2, RoundingMode.UNNECESSARY);
            entry.commitmentId = movement.commitmentId();
            entry.reason = movement.reason();
            entry.recordedBy = movement.recordedBy();
            entry.recordedAt = clock.instant();
            em.persist(entry);
            entries.add(entry);
            BigDecimal[] change = changes.computeIfAbsent(new FundYear(entry.fundId, entry.financialYear),
                    key -> new BigDecimal[] { Money.ZERO, Money.ZERO, Money.ZERO, Money.ZERO, Money.ZERO });
            int column = switch (entry.kind) {
                case BUDGET_SET, BUDGET_ADJUSTED -> 0;
                case COMMITMENT_MADE -> 1;
                case COMMITMENT_RELEASED -> 2;
                case PAYMENT -> 3;
                case REPAYMENT -> 4;
            };
            change[column] = change[column].add(entry.amount);
        }
        if (changes.isEmpty()) {
            return entries;
        }
        List<FundYear> keys = List.copyOf(changes.keySet());
        StringJoiner values = new StringJoiner(", ");
        for (int i = 0; i < keys.size(); i++) {
            values.add("(CAST(:fund" + i + " AS uuid), CAST(:year" + i + " AS varchar), CAST(:budget" + i
                    + " AS numeric), CAST(:committed" + i + " AS numeric), CAST(:released" + i
                    + " AS numeric), CAST(:paid" + i + " AS numeric), CAST(:repaid" + i + " AS numeric))");
        }
        Query update = em.createNativeQuery("UPDATE fund_year_balance b SET budget = b.budget + v.budget, "
                + "committed = b.committed + v.committed, released = b.released + v.released, "
                + "paid = b.paid + v.paid, repaid = b.repaid + v.repaid FROM (VALUES " + values
                + ") AS v (fund_id, financial_year, budget, committed, released, paid, repaid) "
                + "WHERE b.fund_id = v.fund_id AND b.financial_year = v.financial_year");
        for (int i = 0; i < keys.size(); i++) {
            BigDecimal[] change = changes.get(keys.get(i));
            update.setParameter("fund" + i, keys.get(i).fundId()).setParameter("year" + i, keys.get(i).financialYear())
                    .setParameter("budget" + i, change[0]).setParameter("committed" + i, change[1])
                    .setParameter("released" + i, change[2]).setParameter("paid" + i, change[3])
                    .setParameter("repaid" + i, change[4]);
        }
        int updated = update.executeUpdate();
        if (updated != keys.size()) {
            throw new IllegalStateException("No balance for some of " + keys);
        }
        return entries;
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
