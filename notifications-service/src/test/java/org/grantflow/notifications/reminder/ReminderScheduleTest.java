package org.grantflow.notifications.reminder;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;

import org.junit.jupiter.api.Test;

class ReminderScheduleTest {

    @Test
    void aDayBeforeAWinterDeadlineIsTheSameUkLocalTimeTheDayBefore() {
        // 17:00 on Monday 2 November 2026 is 17:00 GMT
        assertEquals(Instant.parse("2026-11-01T17:00:00Z"),
                ReminderSchedule.dueAt(Instant.parse("2026-11-02T17:00:00Z"), Duration.ofDays(1)));
    }

    @Test
    void aDayBeforeASummerDeadlineIsTheSameUkLocalTimeTheDayBefore() {
        // 17:00 on Friday 2 April 2027 is 16:00 UTC (BST)
        assertEquals(Instant.parse("2027-04-01T16:00:00Z"),
                ReminderSchedule.dueAt(Instant.parse("2027-04-02T16:00:00Z"), Duration.ofDays(1)));
    }

    @Test
    void aWeekBeforeADeadlineAcrossTheSpringClockChangeKeepsTheLocalTime() {
        // Clocks go forward on 28 March 2027: 17:00 BST on 2 April, a week earlier 17:00 GMT on 26 March
        assertEquals(Instant.parse("2027-03-26T17:00:00Z"),
                ReminderSchedule.dueAt(Instant.parse("2027-04-02T16:00:00Z"), Duration.ofDays(7)));
    }

    @Test
    void aWeekBeforeADeadlineAcrossTheAutumnClockChangeKeepsTheLocalTime() {
        // Clocks go back on 25 October 2026: 17:00 GMT on 28 October, a week earlier 17:00 BST on 21 October
        assertEquals(Instant.parse("2026-10-21T16:00:00Z"),
                ReminderSchedule.dueAt(Instant.parse("2026-10-28T17:00:00Z"), Duration.ofDays(7)));
    }

    @Test
    void dateRemindersFallAtTheConfiguredUkTimeOfDayInWinterAndInSummer() {
        // 09:00 GMT on 1 March 2017, 09:00 BST (08:00 UTC) on 1 May 2017
        assertEquals(Instant.parse("2017-03-01T09:00:00Z"),
                ReminderSchedule.atUkTime(LocalDate.parse("2017-03-01"), LocalTime.of(9, 0)));
        assertEquals(Instant.parse("2017-05-01T08:00:00Z"),
                ReminderSchedule.atUkTime(LocalDate.parse("2017-05-01"), LocalTime.of(9, 0)));
        // 01:30 does not exist on 26 March 2017 (clocks go forward at 01:00 GMT): it moves on to 02:30 BST
        assertEquals(Instant.parse("2017-03-26T01:30:00Z"),
                ReminderSchedule.atUkTime(LocalDate.parse("2017-03-26"), LocalTime.of(1, 30)));
    }

    @Test
    void offsetsInHoursAreExactDurations() {
        assertEquals(Instant.parse("2027-03-28T00:30:00Z"),
                ReminderSchedule.dueAt(Instant.parse("2027-03-28T02:30:00Z"), Duration.ofHours(2)));
    }

    @Test
    void namesOffsetsForOccasionsAndForPeople() {
        assertEquals("P7D", ReminderSchedule.name(Duration.ofDays(7)));
        assertEquals("PT2H", ReminderSchedule.name(Duration.ofHours(2)));
        assertEquals(Duration.ofDays(7), ReminderPlanner.offset("round-closing/abc/2026-11-02T17:00:00Z/P7D"));
        assertEquals("2026-11-02T17:00:00Z", ReminderPlanner.date("round-closing/abc/2026-11-02T17:00:00Z/P7D"));
        assertEquals("15 minutes", ReminderSchedule.durationInWords(Duration.ofMinutes(15)));
        assertEquals("1 hour", ReminderSchedule.durationInWords(Duration.ofHours(1)));
        assertEquals("2 days", ReminderSchedule.durationInWords(Duration.ofDays(2)));
        assertEquals("in 7 days", ReminderSchedule.inWords(Duration.ofDays(7)));
        assertEquals("tomorrow", ReminderSchedule.inWords(Duration.ofDays(1)));
        assertEquals("in 2 hours", ReminderSchedule.inWords(Duration.ofHours(2)));
    }
}
