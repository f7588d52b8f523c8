package org.grantflow.notifications.template;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import io.quarkus.qute.TemplateExtension;

/**
 * How messages write money and time, also usable in templates: {@code {amount.pounds}},
 * {@code {submittedAt.ukTime}}, {@code {closesAt.ukDeadline}}, {@code {spendBy.ukDate}}.
 */
@TemplateExtension
public final class Formats {

    /** Applicants read times in UK local time, whatever the season. */
    public static final ZoneId UK = ZoneId.of("Europe/London");

    private static final DateTimeFormatter UK_TIME = DateTimeFormatter
            .ofPattern("EEEE d MMMM yyyy 'at' HH:mm", Locale.UK).withZone(UK);
    private static final DateTimeFormatter UK_DEADLINE = DateTimeFormatter
            .ofPattern("HH:mm 'on' EEEE d MMMM yyyy", Locale.UK).withZone(UK);
    private static final DateTimeFormatter UK_DATE = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.UK);
    /** NumberFormat is not thread-safe, and costly to make: one per thread. */
    private static final ThreadLocal<NumberFormat> POUNDS = ThreadLocal
            .withInitial(() -> NumberFormat.getCurrencyInstance(Locale.UK));

    private Formats() {
    }

    /** For example "£12,000.00". */
    public static String pounds(BigDecimal amount) {
        return POUNDS.get().format(amount);
    }

    /** For example "Thursday 17 November 2016 at 15:42". */
    public static String ukTime(Instant instant) {
        return UK_TIME.format(instant);
    }

    /** For example "17:00 on Friday 18 November 2016". */
    public static String ukDeadline(Instant instant) {
        return UK_DEADLINE.format(instant);
    }

    /** For example "Friday 31 March 2017". */
    public static String ukDate(LocalDate date) {
        return UK_DATE.format(date);
    }
}
