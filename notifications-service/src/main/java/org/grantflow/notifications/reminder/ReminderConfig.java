package org.grantflow.notifications.reminder;

import java.time.Duration;
import java.util.List;

import io.smallrye.config.ConfigMapping;

@ConfigMapping(prefix = "grantflow.reminders")
public interface ReminderConfig {

    /** How often the dispatcher looks for reminders that fell due. */
    Duration pollInterval();

    /** Most reminders sent in one dispatcher transaction. */
    int batchSize();

    /**
     * How long before a round's deadline its closing reminders fall due, e.g. {@code P7D,P1D}.
     * Whole days count in UK calendar days, so the reminder comes at the deadline's local time of
     * day whatever the clocks did in between.
     */
    List<Duration> roundClosing();
}
