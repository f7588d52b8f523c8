package org.grantflow.grants.problem;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.examples.Example;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;
import org.eclipse.microprofile.openapi.models.security.SecurityRequirement;

import io.quarkus.smallrye.openapi.OpenApiFilter;

/**
 * Documents every refusal as {@code application/problem+json} with the {@link Problem} schema and an
 * example of each problem type it can carry, so that generated clients know the error body.
 *
 * <p>A resource names the problem types of a response in its description ({@code @APIResponse(
 * responseCode = "409", description = "bid-not-draft: the bid is no longer a draft")}); each type named
 * gets an example. What follows from an operation's shape is added when missing: 401 and 403 for a
 * secured operation, 404 for one on a resource by id, 400 for one that takes a body or query
 * parameters, 409 stale-version and 428 if-match-required for one that takes If-Match, 422
 * idempotency-key-reused for one that takes an Idempotency-Key.
 */
@OpenApiFilter(stages = OpenApiFilter.RunStage.BUILD)
public class ProblemDocumentation implements OASFilter {

    static final String SCHEMA_REF = "#/components/schemas/Problem";
    private static final String SAMPLE_ID = "1f2e3d4c-5b6a-4978-8695-a4b3c2d1e0f9";
    private static final Pattern PATH_PARAMETER = Pattern.compile("\\{[^}]+}");

    /** One problem type as it appears in an example; {@code meaning} completes a response description. */
    record Type(String slug, String title, String meaning, String detail, Violation violation) {
    }

    /** A refusal without violations. */
    private static Type plain(String slug, String title, String meaning, String detail) {
        return new Type(slug, title, meaning, detail, null);
    }

    /** A refusal about one field, whose detail is the violation's message (as {@link DomainException#unprocessable}). */
    private static Type about(String slug, String title, String meaning, String detail, String code, String field) {
        return new Type(slug, title, meaning, detail, new Violation(code, field, detail));
    }

    /** The problem types grants-service answers with (docs/api.md lists them all). */
    static final Map<String, Type> TYPES = catalogue(
            new Type("invalid-request", "The request is not valid", "fields break their format rules; violations name each",
                    "1 field(s) are not valid", new Violation("NOTBLANK", "title", "must not be blank")),
            about("malformed-request", "The request body cannot be read", "the body is not JSON, or a value cannot be read",
                    "The value of 'amountRequested' cannot be read",
                    "UNREADABLE", "amountRequested"),
            plain("unauthorized", "Authentication required", "no bearer token, or one that is expired, forged or from another issuer",
                    "Send a valid bearer token"),
            plain("forbidden", "Forbidden", "the caller's role may not do this, or a partner token names no organisation",
                    "Your role may not do this"),
            plain("not-found", "Not found", "no such resource, or it belongs to another organisation",
                    "No such resource with id " + SAMPLE_ID),
            plain("stale-version", "The bid has changed", "If-Match names an older version; read it again",
                    "The bid is at version 4; read it again and send its ETag in If-Match"),
            plain("if-match-required", "If-Match required", "the update was sent without If-Match",
                    "Send the ETag you last read in If-Match so that an edit cannot overwrite a newer one"),
            about("idempotency-key-reused", "The Idempotency-Key was used for another request",
                    "this caller already used the Idempotency-Key for a different request",
                    "The key '3f0c2a9e-8d41-4b7a-9a63-1c2d3e4f5a6b' was already used for a different request; send a new key for a new request",
                    "IDEMPOTENCY_KEY_REUSED", "Idempotency-Key"),
            plain("bid-not-draft", "Only a draft can be edited", "only a draft bid can be edited or submitted",
                    "The bid is SUBMITTED, not DRAFT"),
            plain("bid-not-withdrawable", "The bid cannot be withdrawn",
                    "only a draft, submitted or under-assessment bid can be withdrawn",
                    "A bid that is AWARDED cannot be withdrawn; only a draft, submitted or under-assessment bid can"),
            plain("bid-not-under-assessment", "The bid is not open to assessment",
                    "only a submitted bid or one under assessment can be scored or decided",
                    "The bid is DRAFT; only a submitted bid or one under assessment can be scored or decided"),
            new Type("bid-not-eligible", "Bid is not eligible",
                    "the bid breaks the round's rules; it is kept as INELIGIBLE and violations lists every failed rule",
                    "1 eligibility rule failed", new Violation("MINIMUM_AMOUNT", "amountRequested",
                            "The minimum bid for this round is £5,000.00; this bid asks for £4,999.99")),
            about("round-closed", "The round does not accept bids",
                    "the round's deadline (plus grace period) has passed, or it is not open",
                    "The round 'Fly-Tipping Fund 2016/17' closed at 17:00 on Friday 18 November 2016 (UK time)",
                    "DEADLINE", "submittedAt"),
            plain("round-not-draft", "Only a draft round can be edited", "the round has opened; its terms are fixed",
                    "The round is OPEN; its terms were fixed when it opened"),
            plain("round-not-open", "Only an open round can be closed", "only an open round can be closed",
                    "The round is still a draft; it has taken no bids"),
            about("unknown-round", "The round is not known", "the bid names a round that does not exist",
                    "No round with id " + SAMPLE_ID, "UNKNOWN_ROUND", "roundId"),
            about("unknown-fund", "The fund is not known", "grants-service has not heard of this fund",
                    "No fund with id " + SAMPLE_ID + " is known to grants-service",
                    "UNKNOWN_FUND", "fundId"),
            about("fund-closed", "The fund is closed", "the fund is closed to new rounds",
                    "The fund Road Safety Fund is closed", "FUND_CLOSED", "fundId"),
            about("closing-date-passed", "The closing date has passed", "the round's closing date has passed",
                    "The round would close at 2016-11-30T17:00 UK time, which has passed",
                    "CLOSES_AT_PASSED", "closesAt"),
            about("invalid-round", "The round's terms are not valid",
                    "the round's dates, financial years or grace period do not fit together; violations lists each",
                    "The round would open at 2016-12-01T09:00, not before it closes at 2016-11-30T17:00 (UK time)",
                    "OPENS_BEFORE_CLOSING", "opensAt"),
            about("invalid-financial-year", "Not a financial year", "not a financial year such as 2019/20",
                    "2019/21 is not a financial year such as 2019/20",
                    "FINANCIAL_YEAR", "financialYear"),
            about("invalid-scores", "The scores do not fit the round's criteria",
                    "scores miss, repeat or invent a criterion, or the round has no criteria",
                    "No score for 'Links to the police and crime plan'",
                    "CRITERIA", "scores"),
            about("reason-required", "A rejection needs a reason", "a rejection needs a reason",
                    "Say why the bid is rejected", "REASON_REQUIRED", "reason"),
            about("award-exceeds-request", "The award is more than was asked for", "the award is more than the amount requested",
                    "The bid asks for £12,000.00; an award of £12,500.00 is more than that",
                    "AWARD_EXCEEDS_REQUEST", "amount"),
            about("award-profile-mismatch", "The profile does not add up to the award",
                    "the award's yearly profile does not add up to the award",
                    "The yearly profile adds up to £11,000.00; the award is £12,000.00",
                    "AWARD_PROFILE", "profile"),
            plain("organisation-id-taken", "The organisation id is taken", "an organisation with this id is already registered",
                    "An organisation with id district-council-01 is already registered"));

    /** What a response with this status carries when its description names no problem type. */
    private static final Map<String, List<String>> DEFAULTS = Map.of(
            "400", List.of("invalid-request", "malformed-request"),
            "401", List.of("unauthorized"),
            "403", List.of("forbidden"),
            "404", List.of("not-found"),
            "428", List.of("if-match-required"));

    /** Quarkus's own descriptions of the responses it adds, replaced by ours. */
    private static final Set<String> GENERIC_DESCRIPTIONS = Set.of("Not Authorized", "Not Allowed", "Bad Request",
            "Not Found", "Conflict");

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        openAPI.getPaths().getPathItems().forEach((path, item) -> item.getOperations().forEach((method, operation) -> {
            APIResponses responses = operation.getResponses();
            if (responses == null) {
                responses = OASFactory.createAPIResponses();
                operation.setResponses(responses);
            }
            Map<String, List<String>> implied = implied(operation, path, openAPI.getSecurity());
            for (Map.Entry<String, List<String>> entry : implied.entrySet()) {
                if (responses.getAPIResponse(entry.getKey()) == null) {
                    responses.addAPIResponse(entry.getKey(), OASFactory.createAPIResponse());
                }
            }
            responses.getAPIResponses().forEach((status, response) -> {
                if (status.startsWith("4") && response.getRef() == null) {
                    document(status, response, implied.getOrDefault(status, List.of()), path);
                }
            });
        }));
    }

    /** The problem types an operation answers with because of its shape, by status. */
    private static Map<String, List<String>> implied(Operation operation, String path, List<SecurityRequirement> global) {
        Map<String, List<String>> implied = new LinkedHashMap<>();
        List<Parameter> parameters = operation.getParameters() == null ? List.of() : operation.getParameters();
        if (operation.getRequestBody() != null) {
            implied.put("400", List.of("invalid-request", "malformed-request"));
        } else if (parameters.stream().anyMatch(p -> p.getIn() == Parameter.In.QUERY)) {
            implied.put("400", List.of("invalid-request"));
        }
        List<SecurityRequirement> security = operation.getSecurity() != null ? operation.getSecurity() : global;
        if (security != null && !security.isEmpty()) {
            implied.put("401", List.of("unauthorized"));
            implied.put("403", List.of("forbidden"));
        }
        if (PATH_PARAMETER.matcher(path).find()) {
            implied.put("404", List.of("not-found"));
        }
        if (hasHeader(parameters, "If-Match")) {
            implied.put("409", List.of("stale-version"));
            implied.put("428", List.of("if-match-required"));
        }
        if (hasHeader(parameters, "Idempotency-Key")) {
            implied.put("422", List.of("idempotency-key-reused"));
        }
        return implied;
    }

    private static boolean hasHeader(List<Parameter> parameters, String name) {
        return parameters.stream().anyMatch(p -> p.getIn() == Parameter.In.HEADER && name.equalsIgnoreCase(p.getName()));
    }

    private static void document(String status, APIResponse response, List<String> implied, String path) {
        String description = response.getDescription();
        boolean generic = description == null || description.isBlank() || GENERIC_DESCRIPTIONS.contains(description);
        Set<String> slugs = new LinkedHashSet<>(generic ? List.of() : named(description));
        slugs.addAll(implied);
        if (slugs.isEmpty()) {
            slugs.addAll(DEFAULTS.getOrDefault(status, List.of()));
        }
        List<String> unexplained = new ArrayList<>();
        for (String slug : slugs) {
            if (generic || !named(description).contains(slug)) {
                Type type = TYPES.get(slug);
                unexplained.add(slug + ": " + (type == null ? "see docs/api.md" : type.meaning()));
            }
        }
        if (generic) {
            response.setDescription(String.join("; ", unexplained));
        } else if (!unexplained.isEmpty()) {
            response.setDescription(description.strip() + "; " + String.join("; ", unexplained));
        }

        Content content = response.getContent();
        if (content == null) {
            content = OASFactory.createContent();
            response.setContent(content);
        }
        MediaType problem = content.getMediaType(Problem.MEDIA_TYPE);
        if (problem == null) {
            problem = OASFactory.createMediaType();
            content.addMediaType(Problem.MEDIA_TYPE, problem);
        }
        if (problem.getSchema() == null) {
            problem.setSchema(OASFactory.createSchema().ref(SCHEMA_REF));
        }
        if (problem.getExample() == null) {
            for (String slug : slugs) {
                Type type = TYPES.get(slug);
                if (type != null && (problem.getExamples() == null || !problem.getExamples().containsKey(slug))) {
                    problem.addExample(slug, example(type, Integer.parseInt(status), path));
                }
            }
        }
    }

    /** The known problem types a description names, in the order they appear. */
    static List<String> named(String description) {
        if (description == null) {
            return List.of();
        }
        List<String> named = new ArrayList<>();
        for (String slug : TYPES.keySet()) {
            if (Pattern.compile("(?<![\\w-])" + Pattern.quote(slug) + "(?![\\w-])").matcher(description).find()) {
                named.add(slug);
            }
        }
        named.sort((a, b) -> Integer.compare(description.indexOf(a), description.indexOf(b)));
        return named;
    }

    private static Example example(Type type, int status, String path) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", Problem.TYPE_BASE + type.slug());
        body.put("title", type.title());
        body.put("status", status);
        body.put("detail", type.detail());
        body.put("instance", PATH_PARAMETER.matcher(path).replaceAll(SAMPLE_ID));
        if (type.violation() != null) {
            Map<String, Object> violation = new LinkedHashMap<>();
            violation.put("code", type.violation().code());
            violation.put("field", type.violation().field());
            violation.put("message", type.violation().message());
            body.put("violations", List.of(violation));
        }
        return OASFactory.createExample().summary(type.title()).value(body);
    }

    private static Map<String, Type> catalogue(Type... types) {
        Map<String, Type> catalogue = new LinkedHashMap<>();
        for (Type type : types) {
            if (catalogue.put(type.slug(), type) != null) {
                throw new IllegalArgumentException("Problem type " + type.slug() + " is listed twice");
            }
        }
        return Map.copyOf(catalogue);
    }
}
