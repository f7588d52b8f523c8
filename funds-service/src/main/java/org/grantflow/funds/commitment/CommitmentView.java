package org.grantflow.funds.commitment;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

public record CommitmentView(
        UUID id,
        UUID bidId,
        UUID fundId,
        String roundName,
        String organisationId,
        String organisationName,
        String title,
        @Schema(type = SchemaType.STRING, description = "The award as committed", example = "12000.00")
        BigDecimal amount,
        @Schema(type = SchemaType.STRING) BigDecimal released,
        @Schema(type = SchemaType.STRING, description = "Paid, net of repayments") BigDecimal paid,
        @Schema(type = SchemaType.STRING, description = "amount - released - paid") BigDecimal remaining,
        @Schema(description = "The commitment per financial year, in year order") List<Line> years,
        @Schema(type = SchemaType.STRING, description = "What the bid asked for, when known", example = "15000.00")
        BigDecimal amountRequested,
        @Schema(description = "The round's spend-by date: payments dated after it are flagged", example = "2017-03-31")
        LocalDate spendBy,
        @Schema(description = "The day the funded project ends, when known", example = "2017-03-17")
        LocalDate projectEndDate,
        Instant committedAt) {

    public record Line(
            String financialYear,
            @Schema(type = SchemaType.STRING) BigDecimal committed,
            @Schema(type = SchemaType.STRING) BigDecimal released,
            @Schema(type = SchemaType.STRING) BigDecimal paid,
            @Schema(type = SchemaType.STRING) BigDecimal repaid,
            @Schema(type = SchemaType.STRING) BigDecimal remaining) {
    }

    static CommitmentView of(Commitment c, List<CommitmentLine> lines) {
        BigDecimal released = sum(lines, l -> l.released);
        BigDecimal paid = sum(lines, l -> l.paid).subtract(sum(lines, l -> l.repaid));
        return new CommitmentView(c.id, c.bidId, c.fundId, c.roundName, c.organisationId, c.organisationName, c.title,
                c.amount, released, paid, c.amount.subtract(released).subtract(paid),
                lines.stream().map(l -> new Line(l.financialYear, l.committed, l.released, l.paid, l.repaid,
                        l.remaining())).toList(),
                c.amountRequested, c.spendBy, c.projectEndDate, c.committedAt);
    }

    private static BigDecimal sum(List<CommitmentLine> lines, Function<CommitmentLine, BigDecimal> field) {
        return lines.stream().map(field).reduce(new BigDecimal("0.00"), BigDecimal::add);
    }
}
