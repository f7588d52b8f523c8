package org.grantflow.grants.eligibility;

import static org.grantflow.grants.eligibility.Applications.submittedAt;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;

import org.grantflow.grants.problem.Violation;
import org.junit.jupiter.api.Test;

class DeadlineRuleTest {

    private static Instant uk(String local) {
        return LocalDateTime.parse(local).atZone(ZoneId.of("Europe/London")).toInstant();
    }

    /** 17:00 on Friday 18 November 2016 is GMT: 17:00Z. */
    private final DeadlineRule winter = new DeadlineRule("Fly-Tipping Fund 2016/17", uk("2016-11-18T17:00:00"),
            Duration.ZERO);
    /** 17:00 on Wednesday 10 April 2019 is BST: 16:00Z. */
    private final DeadlineRule summer = new DeadlineRule("Criminal Justice Innovation Fund", uk("2019-04-10T17:00:00"),
            null);

    @Test
    void acceptsABidOneSecondBeforeAndAtAWinterDeadline() {
        assertTrue(winter.check(submittedAt("2016-11-18T16:59:59Z")).isEmpty());
        assertTrue(winter.check(submittedAt("2016-11-18T17:00:00Z")).isEmpty());
    }

    @Test
    void refusesABidOneSecondAfterAWinterDeadlineInUkTime() {
        Violation v = winter.check(submittedAt("2016-11-18T17:00:01Z")).orElseThrow();
        assertEquals("DEADLINE", v.code());
        assertEquals("submittedAt", v.field());
        assertEquals("The round 'Fly-Tipping Fund 2016/17' closed at 17:00 on Friday 18 November 2016 (UK time); "
                + "this bid came at 17:00:01 on Friday 18 November 2016", v.message());
    }

    @Test
    void acceptsABidOneSecondBeforeASummerDeadlineWhichIsAnHourEarlierInUtc() {
        assertTrue(summer.check(submittedAt("2019-04-10T15:59:59Z")).isEmpty());
        assertTrue(summer.check(submittedAt("2019-04-10T16:00:00Z")).isEmpty());
    }

    @Test
    void refusesABidOneSecondAfterASummerDeadlineAndShowsItInBritishSummerTime() {
        Violation v = summer.check(submittedAt("2019-04-10T16:00:01Z")).orElseThrow();
        assertEquals("The round 'Criminal Justice Innovation Fund' closed at 17:00 on Wednesday 10 April 2019 "
                + "(UK time); this bid came at 17:00:01 on Wednesday 10 April 2019", v.message());
    }

    @Test
    void acceptsLateBidsWithinTheGracePeriodAndRefusesThemAfterIt() {
        DeadlineRule graceful = new DeadlineRule("Road Safety Fund round 2", uk("2016-11-18T17:00:00"),
                Duration.ofMinutes(15));
        assertTrue(graceful.check(submittedAt("2016-11-18T17:15:00Z")).isEmpty());
        Violation v = graceful.check(submittedAt("2016-11-18T17:15:01Z")).orElseThrow();
        assertEquals("The round 'Road Safety Fund round 2' closed at 17:00 on Friday 18 November 2016 (UK time) "
                + "and accepted late bids until 17:15 on Friday 18 November 2016; this bid came at 17:15:01 on "
                + "Friday 18 November 2016", v.message());
    }

    @Test
    void holdsAcrossTheOctoberClockChange() {
        // 30 October 2016: clocks go back at 02:00 BST; a 17:00 deadline that day is 17:00Z
        DeadlineRule afterChange = new DeadlineRule("R", uk("2016-10-30T17:00:00"), Duration.ZERO);
        assertTrue(afterChange.check(submittedAt("2016-10-30T17:00:00Z")).isEmpty());
        assertEquals("DEADLINE", afterChange.check(submittedAt("2016-10-30T17:00:01Z")).orElseThrow().code());
    }

    @Test
    void holdsAcrossTheMarchClockChange() {
        // 26 March 2017: clocks go forward at 01:00 GMT; a 17:00 deadline that day is 16:00Z
        DeadlineRule afterChange = new DeadlineRule("R", uk("2017-03-26T17:00:00"), Duration.ZERO);
        assertTrue(afterChange.check(submittedAt("2017-03-26T16:00:00Z")).isEmpty());
        assertEquals("DEADLINE", afterChange.check(submittedAt("2017-03-26T16:00:01Z")).orElseThrow().code());
    }

    @Test
    void describesTheDeadlineInUkTime() {
        assertEquals("Bids must arrive by 17:00 on Wednesday 10 April 2019 (UK time).", summer.inWords());
    }
}
