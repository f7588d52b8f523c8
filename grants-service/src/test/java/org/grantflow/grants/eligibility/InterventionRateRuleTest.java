package org.grantflow.grants.eligibility;

import static org.grantflow.grants.eligibility.Applications.asking;
import static org.grantflow.grants.eligibility.Applications.costing;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;

import org.grantflow.grants.problem.Violation;
import org.junit.jupiter.api.Test;

class InterventionRateRuleTest {

    private final InterventionRateRule rule = new InterventionRateRule(new BigDecimal("75"));

    @Test
    void acceptsAGrantOfExactlySeventyFivePercentWithTheRestMatched() {
        assertTrue(rule.check(costing("12000.00", "16000.00", "4000.00")).isEmpty());
    }

    @Test
    void refusesAGrantOfSeventyFivePointZeroOnePercent() {
        // 7501.00 of 10000.00 is 75.01%
        Violation v = rule.check(costing("7501.00", "10000.00", "2499.00")).orElseThrow();
        assertEquals("INTERVENTION_RATE", v.code());
        assertEquals("amountRequested", v.field());
        assertEquals("The grant may cover at most 75% of the £10,000.00 project cost, that is £7,500.00; "
                + "this bid asks for £7,501.00 (75.01%)", v.message());
    }

    @Test
    void refusesAGrantOnePennyOverTheShareOfAnUnevenCost() {
        // 75% of 10000.01 is 7500.0075: 7500.00 is within, 7500.01 is not
        assertTrue(rule.check(costing("7500.00", "10000.01", "2500.01")).isEmpty());
        assertEquals("INTERVENTION_RATE", rule.check(costing("7500.01", "10000.01", "2500.00")).orElseThrow()
                .code());
    }

    @Test
    void refusesMatchFundingThatFallsOnePennyShortOfTheRest() {
        Violation v = rule.check(costing("12000.00", "16000.00", "2500.00", "1499.99")).orElseThrow();
        assertEquals("MATCH_FUNDING", v.code());
        assertEquals("matchFunding", v.field());
        assertEquals("The match funding must cover the £4,000.00 of the project cost the grant does not; "
                + "the sources listed add up to £3,999.99", v.message());
    }

    @Test
    void addsUpSeveralMatchFundingSources() {
        assertTrue(rule.check(costing("12000.00", "16000.00", "2500.00", "1500.00")).isEmpty());
    }

    @Test
    void asksForTheTotalProjectCostWhenItIsMissing() {
        Violation v = rule.check(asking("12000.00")).orElseThrow();
        assertEquals("totalProjectCost", v.field());
    }

    @Test
    void describesTheRateAndTheMatchShareInPlainWords() {
        assertEquals("The grant may cover at most 75% of the total project cost; the bid must list match "
                + "funding for the remaining 25%.", rule.inWords());
    }
}
