package org.grantflow.grants.bid;

import java.time.Instant;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.grantflow.grants.problem.Violation;

/** The answer to an eligibility check: every rule the bid would fail if it were submitted now. */
public record EligibilityReport(
        @Schema(description = "Whether the bid would pass every rule") boolean eligible,
        @Schema(description = "Every failed rule; empty when eligible") List<Violation> violations,
        @Schema(description = "The moment the deadline was checked against") Instant checkedAt) {
}
