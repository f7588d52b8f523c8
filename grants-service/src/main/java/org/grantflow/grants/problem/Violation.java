package org.grantflow.grants.problem;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One broken rule: a stable code, the request field concerned and a message for people. */
@Schema(description = "One broken rule or invalid field")
public record Violation(
        @Schema(required = true, description = "A stable code for the rule, e.g. MINIMUM_AMOUNT, INTERVENTION_RATE, DEADLINE, "
                + "ELIGIBLE_APPLICANT, NOTBLANK", example = "MINIMUM_AMOUNT")
        String code,
        @Schema(description = "The request field (or header) concerned", example = "amountRequested")
        String field,
        @Schema(required = true, description = "What is wrong, with the numbers, for people",
                example = "The minimum bid for this round is £5,000.00; this bid asks for £4,999.99")
        String message) {
}
