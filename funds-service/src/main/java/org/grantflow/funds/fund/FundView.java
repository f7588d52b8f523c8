package org.grantflow.funds.fund;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

public record FundView(
        UUID id,
        String code,
        @Schema(description = "The finance system's cost centre, if the fund has one") String costCentreCode,
        String name,
        String description,
        FundingSource fundingSource,
        boolean ringFenced,
        Fund.Status status,
        @Schema(description = "The budget per financial year, in year order") List<Budget> budgets,
        Instant createdAt,
        long version) {

    static FundView of(Fund fund, SortedMap<String, BigDecimal> budgetsByYear) {
        List<Budget> budgets = budgetsByYear == null ? List.of()
                : budgetsByYear.entrySet().stream().map(FundView::budget).toList();
        return new FundView(fund.id, fund.code, fund.costCentreCode, fund.name, fund.description, fund.fundingSource, fund.ringFenced,
                fund.status, budgets, fund.createdAt, fund.version);
    }

    private static Budget budget(Map.Entry<String, BigDecimal> year) {
        return new Budget(year.getKey(), year.getValue());
    }
}
