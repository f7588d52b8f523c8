package org.grantflow.funds.ledger;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

/** Pounds and pence for people: {@code £60,000.00}. */
public final class Money {

    public static final BigDecimal ZERO = BigDecimal.ZERO.setScale(2);

    private Money() {
    }

    public static String pounds(BigDecimal amount) {
        DecimalFormat format = new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(Locale.UK));
        format.setRoundingMode(RoundingMode.UNNECESSARY);
        String digits = format.format(amount.abs());
        return (amount.signum() < 0 ? "-£" : "£") + digits;
    }

    /** The amount with exactly two decimals; fails if it has more. */
    public static BigDecimal exact(BigDecimal amount) {
        return amount.setScale(2, RoundingMode.UNNECESSARY);
    }
}
