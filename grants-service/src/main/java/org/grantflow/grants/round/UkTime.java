package org.grantflow.grants.round;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;

/**
 * Deadlines are set in UK local time and stored as instants. In the autumn hour that occurs twice
 * the earlier instant is taken; a time in the spring gap is moved forward by the length of the gap,
 * as {@link java.time.ZonedDateTime#of} does.
 */
public final class UkTime {

    public static final ZoneId ZONE = ZoneId.of("Europe/London");

    private UkTime() {
    }

    public static Instant toInstant(LocalDateTime local) {
        return local.atZone(ZONE).toInstant();
    }

    public static LocalDateTime toLocal(Instant instant) {
        return LocalDateTime.ofInstant(instant, ZONE);
    }
}
