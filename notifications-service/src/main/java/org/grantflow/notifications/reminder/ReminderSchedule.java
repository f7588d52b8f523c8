package org.grantflow.notifications.reminder;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;

import org.grantflow.notifications.template.Formats;

/** When reminders fall due: plain Java, so the clock-change rules have plain tests. */
public final class ReminderSchedule {

    private static final long SECONDS_PER_DAY = Duration.ofDays(1).toSeconds();

    private ReminderSchedule() {
    }

    /**
     * The instant {@code before} ahead of {@code deadline}. Whole days are counted in UK calendar
     * days, so "1 day before 17:00" is 17:00 UK local time the day before, also across a change
     * between GMT and BST; anything else is an exact duration.
     */
    public static Instant dueAt(Instant deadline, Duration before) {
        if (before.toSeconds() % SECONDS_PER_DAY == 0 && before.getNano() == 0) {
            return deadline.atZone(Formats.UK).minusDays(before.toDays()).toInstant();
        }
        return deadline.minus(before);
    }

    /** The stable name of a reminder's offset, as used in its occasion: {@code P7D}, {@code PT2H}. */
    public static String name(Duration before) {
        return before.toSeconds() % SECONDS_PER_DAY == 0 && before.getNano() == 0 ? "P" + before.toDays() + "D"
                : before.toString();
    }

    /**
     * A UK local date and time as an instant: 09:00 is 09:00 GMT in winter and 09:00 BST in summer. A
     * time the clocks skip (01:30 on the day they go forward) moves on by the gap.
     */
    public static Instant atUkTime(LocalDate date, LocalTime time) {
        return ZonedDateTime.of(date, time, Formats.UK).toInstant();
    }

    /** A length of time in words: "15 minutes", "1 hour", "2 days". */
    public static String durationInWords(Duration length) {
        if (length.toSeconds() % SECONDS_PER_DAY == 0) {
            return plural(length.toDays(), "day");
        }
        if (length.toSeconds() % 3600 == 0) {
            return plural(length.toHours(), "hour");
        }
        if (length.toSeconds() % 60 == 0) {
            return plural(length.toMinutes(), "minute");
        }
        return plural(length.toSeconds(), "second");
    }

    private static String plural(long count, String unit) {
        return count + " " + unit + (count == 1 ? "" : "s");
    }

    /** How people say it: "in 7 days", "tomorrow", "in 2 hours". */
    public static String inWords(Duration before) {
        if (before.toSeconds() % SECONDS_PER_DAY == 0 && before.getNano() == 0) {
            long days = before.toDays();
            return days == 1 ? "tomorrow" : "in " + days + " days";
        }
        long hours = before.toHours();
        if (hours >= 1 && before.toSeconds() % 3600 == 0) {
            return hours == 1 ? "in 1 hour" : "in " + hours + " hours";
        }
        return "in " + before.toMinutes() + " minutes";
    }
}
