package org.grantflow.funds.ledger;

import java.math.BigDecimal;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "grantflow.funds")
public interface FundsConfig {

    /** A fund-year whose available money falls under this share of its budget raises a low-balance event. */
    @WithDefault("0.10")
    BigDecimal lowBalanceShare();
}
