package org.grantflow.funds.ledger;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class LedgerRepository implements PanacheRepositoryBase<LedgerEntry, UUID> {

    /**
     * The budget of each of the given funds per financial year: the sum of its {@code BUDGET_SET}
     * entries, in pounds and pence (scale 2), years in order. Funds without entries are left out.
     */
    public Map<UUID, SortedMap<String, BigDecimal>> budgets(Collection<UUID> fundIds) {
        Map<UUID, SortedMap<String, BigDecimal>> budgets = new HashMap<>();
        if (fundIds.isEmpty()) {
            return budgets;
        }
        getEntityManager().createQuery("""
                SELECT e.fundId, e.financialYear, SUM(e.amount) FROM LedgerEntry e
                WHERE e.kind = :kind AND e.fundId IN :funds
                GROUP BY e.fundId, e.financialYear""", Object[].class)
                .setParameter("kind", LedgerEntryKind.BUDGET_SET)
                .setParameter("funds", fundIds)
                .getResultList()
                .forEach(row -> budgets.computeIfAbsent((UUID) row[0], id -> new TreeMap<>())
                        .put((String) row[1], ((BigDecimal) row[2]).setScale(2, RoundingMode.UNNECESSARY)));
        return budgets;
    }
}
