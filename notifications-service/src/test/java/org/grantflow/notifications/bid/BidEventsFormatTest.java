package org.grantflow.notifications.bid;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.time.Instant;

import org.junit.jupiter.api.Test;

class BidEventsFormatTest {

    @Test
    void writesAmountsInPoundsWithThousandsSeparated() {
        assertEquals("£12,000.00", BidEvents.pounds(new BigDecimal("12000.00")));
        assertEquals("£1,234,567.89", BidEvents.pounds(new BigDecimal("1234567.89")));
        assertEquals("£0.50", BidEvents.pounds(new BigDecimal("0.50")));
    }

    @Test
    void writesTimesInUkLocalTimeInWinterAndSummer() {
        assertEquals("17 November 2016 at 15:42", BidEvents.ukTime(Instant.parse("2016-11-17T15:42:10Z")));
        // British Summer Time is an hour ahead of UTC
        assertEquals("1 June 2017 at 00:05", BidEvents.ukTime(Instant.parse("2017-05-31T23:05:00Z")));
    }
}
