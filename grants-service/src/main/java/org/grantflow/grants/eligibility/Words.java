package org.grantflow.grants.eligibility;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** How rules write money, rates, dates and times for people: £5,000.00, 75%, 17:00 on Friday 18 November 2016. */
public final class Words {

    static final ZoneId UK = ZoneId.of("Europe/London");
    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("HH:mm 'on' EEEE d MMMM yyyy",
            Locale.UK);
    private static final DateTimeFormatter SECOND = DateTimeFormatter.ofPattern("HH:mm:ss 'on' EEEE d MMMM yyyy",
            Locale.UK);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);

    private Words() {
    }

    static String money(BigDecimal amount) {
        return String.format(Locale.UK, "£%,.2f", amount);
    }

    static String percent(BigDecimal rate) {
        return rate.stripTrailingZeros().toPlainString() + "%";
    }

    public static String ukMinute(Instant instant) {
        return MINUTE.format(instant.atZone(UK));
    }

    static String ukSecond(Instant instant) {
        return SECOND.format(instant.atZone(UK));
    }

    static String day(LocalDate date) {
        return DAY.format(date);
    }

    static boolean blank(String text) {
        return text == null || text.isBlank();
    }
}
