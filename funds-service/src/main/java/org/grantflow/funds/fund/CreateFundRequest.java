package org.grantflow.funds.fund;

import java.math.BigDecimal;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.grantflow.funds.ledger.FinancialYear;

public record CreateFundRequest(
        @NotNull @Pattern(regexp = "^[A-Z0-9-]{2,20}$",
                message = "must be 2 to 20 upper-case letters, digits or hyphens")
        @Schema(description = "Short unique reference", example = "RSF")
        String code,
        @Pattern(regexp = COST_CENTRE_PATTERN, message = "must be 2 to 20 upper-case letters, digits or hyphens")
        @Schema(description = "The finance system's cost centre for the fund (optional, unique); statements may "
                + "name it instead of the code", example = "CC-4410")
        String costCentreCode,
        @NotBlank @Size(max = 200) @Schema(example = "Road Safety Fund")
        String name,
        @Size(max = 4000)
        @Schema(description = "What the fund is for (optional)",
                example = "Ring-fenced reserve fed by driving-offence court costs and speed-awareness course surpluses.")
        String description,
        @NotNull @Schema(example = "RESERVES")
        FundingSource fundingSource,
        @NotNull @Schema(description = "Whether the money may only be spent on the fund's purpose", example = "true")
        Boolean ringFenced,
        @Size(max = 50) @Schema(description = "The budget for each financial year, at most one per year (optional)")
        List<@Valid @NotNull BudgetLine> budgets) {

    /** Fund codes and cost-centre codes share one shape, so that a statement column can hold either. */
    public static final String COST_CENTRE_PATTERN = "^[A-Z0-9-]{2,20}$";

    public record BudgetLine(
            @NotNull @Pattern(regexp = FinancialYear.PATTERN, message = "must be a financial year such as 2019/20")
            @Schema(example = "2019/20")
            String financialYear,
            @NotNull @DecimalMin(value = "0.00", message = "must not be negative")
            @Digits(integer = 12, fraction = 2, message = "must be pounds and pence: at most 12 digits and 2 decimals")
            @Schema(type = SchemaType.STRING, description = "Pounds and pence", example = "750000.00")
            BigDecimal amount) {
    }

    public List<BudgetLine> budgetLines() {
        return budgets == null ? List.of() : budgets;
    }
}
