package org.grantflow.grants.eligibility;

import static org.grantflow.grants.eligibility.Applications.costing;
import static org.grantflow.grants.eligibility.Applications.declaring;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;

import org.junit.jupiter.api.Test;

class DeclarationRulesTest {

    @Test
    void refusesABidThatWouldSubFundAndAcceptsOneThatWouldNot() {
        NoSubFundingRule rule = new NoSubFundingRule();
        assertEquals("NO_SUB_FUNDING", rule.check(declaring(true, null, null, null, null)).orElseThrow().code());
        assertTrue(rule.check(declaring(false, null, null, null, null)).isEmpty());
        assertTrue(rule.check(declaring(null, null, null, null, null)).isEmpty());
    }

    @Test
    void requiresTheBoardsEndorsement() {
        EndorsementRequiredRule rule = new EndorsementRequiredRule();
        assertEquals("boardEndorsement", rule.check(declaring(null, null, null, null, null)).orElseThrow().field());
        assertEquals("ENDORSEMENT_REQUIRED", rule.check(declaring(null, false, null, null, null)).orElseThrow()
                .code());
        assertTrue(rule.check(declaring(null, true, null, null, null)).isEmpty());
    }

    @Test
    void requiresALinkToAtLeastOnePlanPriorityAndNamesTheChapters() {
        PlanPriorityLinkRule rule = new PlanPriorityLinkRule();
        assertEquals("The bid must link to at least one police and crime plan priority: Building on Success, "
                + "Putting Victims at the Centre, Public Focus, Offender Pays, Business Sense",
                rule.check(declaring(null, null, Set.of(), null, null)).orElseThrow().message());
        assertTrue(rule.check(declaring(null, null, Set.of(PlanPriority.OFFENDER_PAYS), null, null)).isEmpty());
    }

    @Test
    void requiresAnEvaluationPlanThatIsNotBlank() {
        EvaluationPlanRequiredRule rule = new EvaluationPlanRequiredRule();
        assertEquals("EVALUATION_PLAN", rule.check(declaring(null, null, null, "  ", null)).orElseThrow().code());
        assertTrue(rule.check(declaring(null, null, null, "Survey before and after", null)).isEmpty());
    }

    @Test
    void requiresASustainabilityPlanThatIsNotBlank() {
        SustainabilityRequiredRule rule = new SustainabilityRequiredRule();
        assertEquals("sustainabilityPlan", rule.check(declaring(null, null, null, null, "")).orElseThrow().field());
        assertTrue(rule.check(declaring(null, null, null, null, "Council picks up the cost")).isEmpty());
    }

    @Test
    void requiresSomeMatchedFunding() {
        MatchFundingRequiredRule rule = new MatchFundingRequiredRule();
        assertEquals("MATCH_FUNDING_REQUIRED", rule.check(costing("1000.00", "2000.00")).orElseThrow().code());
        assertEquals("MATCH_FUNDING_REQUIRED", rule.check(costing("1000.00", "2000.00", "0.00")).orElseThrow()
                .code());
        assertTrue(rule.check(costing("1000.00", "2000.00", "0.01")).isEmpty());
    }
}
