package org.grantflow.grants.eligibility;

import static org.grantflow.grants.eligibility.Applications.asking;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;

import org.grantflow.grants.problem.Violation;
import org.junit.jupiter.api.Test;

class AmountRulesTest {

    private final MinimumAmountRule minimum = new MinimumAmountRule(new BigDecimal("5000.00"));
    private final MaximumAmountRule maximum = new MaximumAmountRule(new BigDecimal("60000.00"));

    @Test
    void refusesOnePennyBelowTheMinimumWithBothAmountsInPounds() {
        Violation v = minimum.check(asking("4999.99")).orElseThrow();
        assertEquals("MINIMUM_AMOUNT", v.code());
        assertEquals("amountRequested", v.field());
        assertEquals("The minimum bid for this round is £5,000.00; this bid asks for £4,999.99", v.message());
    }

    @Test
    void acceptsExactlyTheMinimum() {
        assertTrue(minimum.check(asking("5000.00")).isEmpty());
        assertTrue(minimum.check(asking("5000")).isEmpty());
    }

    @Test
    void acceptsExactlyTheMaximumAndRefusesOnePennyMore() {
        assertTrue(maximum.check(asking("60000.00")).isEmpty());
        Violation v = maximum.check(asking("60000.01")).orElseThrow();
        assertEquals("MAXIMUM_AMOUNT", v.code());
        assertEquals("The maximum bid for this round is £60,000.00; this bid asks for £60,000.01", v.message());
    }

    @Test
    void describesTheLimitsInPlainWords() {
        assertEquals("Bids must ask for at least £5,000.00.", minimum.inWords());
        assertEquals("Bids may ask for at most £60,000.00.", maximum.inWords());
    }
}
