package org.grantflow.grants.assessment;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Weighted scores out of 10, to two places. Plain Java. */
public final class Scoring {

    private Scoring() {
    }

    /** Σ(score × weight) / Σ weight; every criterion scored once. */
    public static BigDecimal weighted(List<Criterion> criteria, List<CriterionScore> scores) {
        Map<String, Integer> byName = scores.stream()
                .collect(Collectors.toMap(CriterionScore::criterion, CriterionScore::score));
        long sum = 0;
        long weights = 0;
        for (Criterion c : criteria) {
            sum += (long) byName.get(c.name()) * c.weight();
            weights += c.weight();
        }
        return BigDecimal.valueOf(sum).divide(BigDecimal.valueOf(weights), 2, RoundingMode.HALF_UP);
    }

    /** The mean of several assessors' weighted scores. */
    public static BigDecimal mean(Collection<BigDecimal> weightedScores) {
        BigDecimal total = weightedScores.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        return total.divide(BigDecimal.valueOf(weightedScores.size()), 2, RoundingMode.HALF_UP);
    }

    /** What is wrong with a set of scores for these criteria, or null when every criterion is scored once. */
    public static String problem(List<Criterion> criteria, List<CriterionScore> scores) {
        Map<String, Long> counts = scores.stream()
                .collect(Collectors.groupingBy(CriterionScore::criterion, Collectors.counting()));
        Map<String, Criterion> known = criteria.stream().collect(Collectors.toMap(Criterion::name, Function.identity()));
        for (Map.Entry<String, Long> e : counts.entrySet()) {
            if (!known.containsKey(e.getKey())) {
                return "'" + e.getKey() + "' is not a criterion of this round";
            }
            if (e.getValue() > 1) {
                return "'" + e.getKey() + "' is scored more than once";
            }
        }
        for (Criterion c : criteria) {
            if (!counts.containsKey(c.name())) {
                return "'" + c.name() + "' is not scored";
            }
        }
        return null;
    }
}
