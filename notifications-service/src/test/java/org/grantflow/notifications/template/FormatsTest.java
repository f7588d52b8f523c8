package org.grantflow.notifications.template;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

class FormatsTest {

    @Test
    void writesAmountsInPoundsWithPenceAndThousandsSeparated() {
        assertEquals("£12,000.00", Formats.pounds(new BigDecimal("12000.00")));
        assertEquals("£1,234,567.89", Formats.pounds(new BigDecimal("1234567.89")));
        assertEquals("£0.50", Formats.pounds(new BigDecimal("0.50")));
        assertEquals("£5,000.00", Formats.pounds(new BigDecimal("5000")));
    }

    @Test
    void writesTimesInUkLocalTimeWithTheDayOfTheWeekInWinterAndSummer() {
        assertEquals("Thursday 17 November 2016 at 15:42", Formats.ukTime(Instant.parse("2016-11-17T15:42:10Z")));
        // British Summer Time is an hour ahead of UTC
        assertEquals("Thursday 1 June 2017 at 00:05", Formats.ukTime(Instant.parse("2017-05-31T23:05:00Z")));
    }

    @Test
    void writesDeadlinesAsUkLocalTimeThenTheDay() {
        assertEquals("17:00 on Friday 18 November 2016", Formats.ukDeadline(Instant.parse("2016-11-18T17:00:00Z")));
        assertEquals("17:00 on Friday 2 April 2027", Formats.ukDeadline(Instant.parse("2027-04-02T16:00:00Z")));
        assertEquals("Friday 31 March 2017", Formats.ukDate(LocalDate.parse("2017-03-31")));
    }
}
