package org.grantflow.funds.ledger;

import java.math.BigDecimal;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The totals of one fund in one financial year, and what follows from them. */
public record YearBalance(
        @Schema(example = "2016/17") String financialYear,
        @Schema(type = SchemaType.STRING, example = "60000.00") BigDecimal budget,
        @Schema(type = SchemaType.STRING, example = "20000.00") BigDecimal committed,
        @Schema(type = SchemaType.STRING, example = "5000.00") BigDecimal released,
        @Schema(type = SchemaType.STRING, example = "9000.00") BigDecimal paid,
        @Schema(type = SchemaType.STRING, example = "0.00") BigDecimal repaid,
        @Schema(type = SchemaType.STRING, description = "budget - committed + released", example = "45000.00")
        BigDecimal available,
        @Schema(type = SchemaType.STRING, description = "committed - released - (paid - repaid)", example = "6000.00")
        BigDecimal outstanding) {

    public static YearBalance of(String financialYear, BigDecimal budget, BigDecimal committed, BigDecimal released,
            BigDecimal paid, BigDecimal repaid) {
        return new YearBalance(financialYear, budget, committed, released, paid, repaid,
                budget.subtract(committed).add(released),
                committed.subtract(released).subtract(paid).add(repaid));
    }

    public static YearBalance empty(String financialYear) {
        return of(financialYear, BigDecimal.ZERO.setScale(2), BigDecimal.ZERO.setScale(2),
                BigDecimal.ZERO.setScale(2), BigDecimal.ZERO.setScale(2), BigDecimal.ZERO.setScale(2));
    }
}
