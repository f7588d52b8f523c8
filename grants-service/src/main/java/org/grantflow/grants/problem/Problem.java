package org.grantflow.grants.problem;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;

/** An RFC 9457 problem details body. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@Schema(name = "Problem", description = "Why a request was refused (RFC 9457 problem details, application/problem+json)")
public record Problem(
        @Schema(required = true, description = "The problem type: https://grantflow.example/problems/ and a slug listed "
                + "in docs/api.md; stable, for code to branch on", example = "https://grantflow.example/problems/bid-not-eligible")
        String type,
        @Schema(required = true, description = "A short summary of the problem type", example = "Bid is not eligible")
        String title,
        @Schema(required = true, description = "The HTTP status code", example = "422")
        int status,
        @Schema(description = "What went wrong with this request, for people", example = "1 eligibility rule failed")
        String detail,
        @Schema(description = "The path of the request", example = "/api/v1/bids/1f2e3d4c-5b6a-4978-8695-a4b3c2d1e0f9/submit")
        String instance,
        @Schema(description = "Every broken rule or invalid field; absent when there is none")
        List<Violation> violations) {

    public static final String MEDIA_TYPE = "application/problem+json";
    public static final String TYPE_BASE = "https://grantflow.example/problems/";
}
