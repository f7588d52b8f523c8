package org.grantflow.notifications.reminder;

import java.time.Duration;
import java.time.LocalTime;
import java.util.List;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;

@ConfigMapping(prefix = "grantflow.reminders")
public interface ReminderConfig {

    /** How often the dispatcher looks for reminders that fell due. */
    Duration pollInterval();

    /** Most reminders sent in one dispatcher transaction. */
    int batchSize();

    /**
     * How long before each closing date of a round its closing reminders fall due, e.g.
     * {@code P7D,P1D}. Whole days count in UK calendar days, so the reminder comes at the deadline's
     * local time of day whatever the clocks did in between.
     */
    List<Duration> roundClosing();

    /** How many days before a round's spend-by date awardees not fully paid are reminded, e.g. {@code P30D}. */
    List<Duration> spendBy();

    /** Days after a funded project's end date that its evaluation reminder falls due ({@code P0D}: on the day). */
    Duration evaluationDue();

    /** The UK local time of day at which date-based reminders (spend-by, evaluation) fall due. */
    LocalTime timeOfDay();

    /** How this instance names itself in {@code reminder.sent_by}; the host name and process id if unset. */
    Optional<String> instanceId();
}
