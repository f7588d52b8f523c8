package org.grantflow.grants.round;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDateTime;

import org.junit.jupiter.api.Test;

class UkTimeTest {

    @Test
    void readsAWinterDeadlineAsGreenwichMeanTime() {
        // Fly-Tipping Fund: 5pm on Friday 18 November 2016
        assertEquals(Instant.parse("2016-11-18T17:00:00Z"), UkTime.toInstant(LocalDateTime.parse("2016-11-18T17:00")));
    }

    @Test
    void readsASummerDeadlineAsBritishSummerTime() {
        assertEquals(Instant.parse("2019-04-10T16:00:00Z"), UkTime.toInstant(LocalDateTime.parse("2019-04-10T17:00")));
    }

    @Test
    void takesTheEarlierInstantInTheRepeatedAutumnHour() {
        assertEquals(Instant.parse("2016-10-30T00:30:00Z"), UkTime.toInstant(LocalDateTime.parse("2016-10-30T01:30")));
    }

    @Test
    void movesATimeInTheSpringGapForward() {
        assertEquals(LocalDateTime.parse("2017-03-26T02:30"),
                UkTime.toLocal(UkTime.toInstant(LocalDateTime.parse("2017-03-26T01:30"))));
    }

    @Test
    void acceptsBidsUpToAndIncludingTheDeadlineSecondInBothSeasons() {
        for (String deadline : new String[] { "2016-11-18T17:00", "2017-06-30T17:00" }) {
            Round round = new Round();
            round.status = Round.Status.OPEN;
            round.opensAt = Instant.parse("2016-01-01T00:00:00Z");
            round.closesAt = UkTime.toInstant(LocalDateTime.parse(deadline));
            assertTrue(round.acceptsBidsAt(round.closesAt.minusSeconds(1)), deadline);
            assertTrue(round.acceptsBidsAt(round.closesAt), deadline);
            assertFalse(round.acceptsBidsAt(round.closesAt.plusSeconds(1)), deadline);
        }
    }
}
