package org.grantflow.funds.ledger;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.grantflow.funds.outbox.OutboxWriter;

/**
 * Announces {@code grantflow.fund.balance-low.v1} when a fund-year's available money falls under the
 * configured share of its budget: once, as it crosses the line, not on every later change.
 */
@ApplicationScoped
public class LowBalanceAlarm {

    public static final String TOPIC = "funds.fund.events";
    public static final String BALANCE_LOW = "grantflow.fund.balance-low.v1";

    private final FundsConfig config;
    private final OutboxWriter outbox;
    private final Clock clock;

    LowBalanceAlarm(FundsConfig config, OutboxWriter outbox, Clock clock) {
        this.config = config;
        this.outbox = outbox;
        this.clock = clock;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void check(UUID fundId, String fundName, YearBalance before, YearBalance after) {
        BigDecimal threshold = threshold(after.budget());
        boolean wasLow = before != null && before.available().compareTo(threshold(before.budget())) < 0;
        if (after.budget().signum() > 0 && !wasLow && after.available().compareTo(threshold) < 0) {
            outbox.write(TOPIC, BALANCE_LOW, fundId, new BalanceLow(fundId, fundName, after.financialYear(),
                    after.budget(), after.available(), threshold, config.lowBalanceShare(), clock.instant()));
        }
    }

    private BigDecimal threshold(BigDecimal budget) {
        return budget.multiply(config.lowBalanceShare()).setScale(2, RoundingMode.HALF_UP);
    }

    /** The payload of {@code grantflow.fund.balance-low.v1}. */
    public record BalanceLow(UUID fundId, String fundName, String financialYear, BigDecimal budget,
            BigDecimal available, BigDecimal threshold, BigDecimal share, Instant detectedAt) {
    }
}
