package org.grantflow.grants.round;

import java.time.LocalDateTime;
import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

public record CreateRoundRequest(
        @NotNull @Schema(description = "The fund the round awards from", example = "6f1c0d1e-3b7a-4c55-9a59-2f2b1f0d6c11")
        UUID fundId,
        @NotBlank @Size(max = 200) @Schema(example = "Community Safety Grant 2017/18")
        String name,
        @NotNull @Pattern(regexp = FinancialYear.PATTERN, message = "must be a financial year such as 2017/18")
        @Schema(example = "2017/18")
        String financialYear,
        @NotNull @Schema(description = "Closing date and time in UK local time (Europe/London)", example = "2016-11-30T17:00:00")
        LocalDateTime closesAt) {
}
