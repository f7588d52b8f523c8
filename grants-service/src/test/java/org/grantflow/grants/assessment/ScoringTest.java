package org.grantflow.grants.assessment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;

class ScoringTest {

    private static final List<Criterion> CRITERIA = List.of(new Criterion("Evidence", 60),
            new Criterion("Partnership", 40));

    private static CriterionScore score(String criterion, int score) {
        return new CriterionScore(criterion, score, null);
    }

    @Test
    void weighsEachScoreByItsCriterion() {
        assertEquals(new BigDecimal("6.80"), Scoring.weighted(CRITERIA, List.of(score("Evidence", 8),
                score("Partnership", 5))));
    }

    @Test
    void roundsTheWeightedScoreHalfUpToTwoPlaces() {
        List<Criterion> thirds = List.of(new Criterion("A", 1), new Criterion("B", 1), new Criterion("C", 1));
        assertEquals(new BigDecimal("6.67"), Scoring.weighted(thirds, List.of(score("A", 10), score("B", 10),
                score("C", 0))));
    }

    @Test
    void averagesTheAssessors() {
        assertEquals(new BigDecimal("7.20"), Scoring.mean(List.of(new BigDecimal("6.80"), new BigDecimal("7.60"))));
    }

    @Test
    void namesAMissingUnknownOrRepeatedCriterion() {
        assertNull(Scoring.problem(CRITERIA, List.of(score("Evidence", 1), score("Partnership", 2))));
        assertEquals("'Partnership' is not scored", Scoring.problem(CRITERIA, List.of(score("Evidence", 1))));
        assertEquals("'Value' is not a criterion of this round", Scoring.problem(CRITERIA,
                List.of(score("Evidence", 1), score("Partnership", 2), score("Value", 3))));
        assertEquals("'Evidence' is scored more than once", Scoring.problem(CRITERIA,
                List.of(score("Evidence", 1), score("Evidence", 2), score("Partnership", 2))));
    }
}
