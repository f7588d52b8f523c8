package org.grantflow.grants.eligibility;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.grantflow.grants.problem.Violation;
import org.junit.jupiter.api.Test;

class EligibilityEvaluatorTest {

    private static final RoundRules FLY_TIPPING = new RoundRules(null, null, new BigDecimal("75"),
            List.of("Fly Tipping Group"), List.of(), null, false, false, false, false, false, false);
    private final EligibilityEvaluator flyTipping = EligibilityEvaluator.forRound("Fly-Tipping Fund 2016/17",
            Instant.parse("2016-11-18T17:00:00Z"), Duration.ZERO, LocalDate.of(2017, 3, 31), FLY_TIPPING);

    private static Application application(Applicant applicant, String amount, String cost, String match,
            LocalDate end, String at) {
        return new Application(applicant, new BigDecimal(amount), new BigDecimal(cost),
                List.of(new MatchFunding("Council budget", new BigDecimal(match))), List.of(), end, null, null,
                Set.of(), null, null, Instant.parse(at));
    }

    @Test
    void passesABidThatMeetsEveryRule() {
        assertTrue(flyTipping.evaluate(application(Applications.COUNCIL, "12000.00", "16000.00", "4000.00",
                LocalDate.of(2017, 3, 31), "2016-11-18T17:00:00Z")).isEmpty());
    }

    @Test
    void reportsEveryFailedRuleNotJustTheFirst() {
        List<Violation> violations = flyTipping.evaluate(application(Applicant.unregistered("charity-9"),
                "12500.00", "16000.00", "3500.00", LocalDate.of(2017, 4, 1), "2016-11-18T17:00:01Z"));
        assertEquals(List.of("DEADLINE", "ELIGIBLE_APPLICANT", "INTERVENTION_RATE", "SPEND_BY"),
                violations.stream().map(Violation::code).toList());
    }

    @Test
    void describesEveryRuleOfTheRoundInPlainWords() {
        assertEquals(List.of(
                "Bids must arrive by 17:00 on Friday 18 November 2016 (UK time).",
                "Only members of the Fly Tipping Group may bid.",
                "The grant may cover at most 75% of the total project cost; the bid must list match funding for "
                        + "the remaining 25%.",
                "A yearly profile, when given, must add up to the amount asked for.",
                "All money must be spent by 31 March 2017."), flyTipping.inWords());
    }

    @Test
    void appliesOnlyTheRulesTheRoundSets() {
        RoundRules communitySafety = new RoundRules(new BigDecimal("5000.00"), null, null, null, null, 3, true,
                true, true, true, false, false);
        EligibilityEvaluator evaluator = EligibilityEvaluator.forRound("Community Safety Grant 2017/18",
                Instant.parse("2016-11-30T17:00:00Z"), null, null, communitySafety);
        assertEquals(List.of("DeadlineRule", "MinimumAmountRule", "MaximumDurationRule", "ProfileAddsUpRule",
                "NoSubFundingRule", "EndorsementRequiredRule", "PlanPriorityLinkRule", "EvaluationPlanRequiredRule"),
                evaluator.rules().stream().map(r -> r.getClass().getSimpleName()).toList());
    }
}
