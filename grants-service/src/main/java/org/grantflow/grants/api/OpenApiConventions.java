package org.grantflow.grants.api;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.security.SecurityRequirement;

import io.quarkus.smallrye.openapi.OpenApiFilter;

/**
 * Rules the whole OpenAPI document follows, so that partners can generate a working client from it:
 * every operation has an operationId and names the roles that may call it, and UK wall-clock times
 * are not mistaken for instants. Runs at build time, so the served document and the one the build
 * stores (target/openapi) are the same.
 */
@OpenApiFilter(stages = OpenApiFilter.RunStage.BUILD)
public class OpenApiConventions implements OASFilter {

    /**
     * The format of decimal strings (money such as {@code "5000.00"}, scores, percentages). With
     * {@code type: string} it tells client generators to use a decimal type (BigDecimal, Decimal)
     * instead of a bare string, while the value stays exact on the wire.
     */
    public static final String DECIMAL = "number";

    static final String LOCAL_DATE_TIME = "LocalDateTime";
    static final String WALL_CLOCK_PATTERN = "^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?$";
    private static final Pattern OFFSET = Pattern.compile("(Z|[+-]\\d{2}:?\\d{2})$");

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        ukWallClockIsNotAnInstant(openAPI);
        if (openAPI.getComponents() != null && openAPI.getComponents().getSchemas() != null) {
            openAPI.getComponents().getSchemas().values().forEach(OpenApiConventions::tidy);
        }
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        openAPI.getPaths().getPathItems().forEach((path, item) -> item.getOperations().forEach((method, operation) -> {
            if (operation.getOperationId() == null || operation.getOperationId().isBlank()) {
                operation.setOperationId(operationId(method, path));
            }
            describeRoles(operation, openAPI.getSecurity());
        }));
    }

    /**
     * Closing dates are entered and shown in UK local time without an offset. As {@code format:
     * date-time} (an RFC 3339 instant, which needs an offset) generated clients would parse them into
     * an OffsetDateTime and fail on "2016-11-18T17:00:00", or send an offset the service ignores.
     */
    private static void ukWallClockIsNotAnInstant(OpenAPI openAPI) {
        if (openAPI.getComponents() == null || openAPI.getComponents().getSchemas() == null) {
            return;
        }
        Schema localDateTime = openAPI.getComponents().getSchemas().get(LOCAL_DATE_TIME);
        if (localDateTime != null) {
            localDateTime.setExamples(List.of("2016-11-18T17:00:00"));
            wallClock(localDateTime);
        }
    }

    private static void wallClock(Schema schema) {
        schema.setFormat(null);
        schema.setType(List.of(Schema.SchemaType.STRING));
        schema.setPattern(WALL_CLOCK_PATTERN);
        schema.setDescription(schema.getDescription() != null ? schema.getDescription()
                : "A date and time on the UK wall clock (Europe/London), without an offset: GMT in winter, BST in summer");
    }

    /**
     * Whether a schema is a LocalDateTime that SmallRye wrote inline rather than as a $ref (it does
     * for the items of {@code List<@NotNull LocalDateTime>}): a date-time whose examples have no offset.
     */
    private static boolean isInlineWallClock(Schema schema) {
        return "date-time".equals(schema.getFormat()) && schema.getExamples() != null && !schema.getExamples().isEmpty()
                && schema.getExamples().stream().allMatch(e -> e instanceof String text && !OFFSET.matcher(text).find());
    }

    /**
     * A name for an operation that has none, from its method and path, for resources still without
     * {@code @Operation(operationId = ...)}: {@code GET /rounds} listRounds, {@code POST /rounds}
     * createRound, {@code GET|PUT|DELETE /rounds/{id}} getRound, updateRound, deleteRound,
     * {@code POST /rounds/{id}/open} openRound; an action of several words ends with its verb, so
     * {@code POST /rounds/{id}/eligibility-check} is checkRoundEligibility; {@code GET
     * /bids/{id}/history} is getBidHistory.
     */
    static String operationId(PathItem.HttpMethod method, String path) {
        List<String> segments = new ArrayList<>(Arrays.asList(path.replaceFirst("^/api/v\\d+/", "").split("/")));
        segments.removeIf(String::isBlank);
        if (segments.isEmpty()) {
            return method.name().toLowerCase(Locale.ROOT) + "Root";
        }
        String resource = segments.get(0);
        String one = pascal(singular(resource));
        boolean item = segments.size() >= 2 && isParameter(segments.get(1));
        if (!item) {
            String rest = segments.stream().skip(1).map(OpenApiConventions::pascal).collect(Collectors.joining());
            return switch (method) {
                case GET -> "list" + pascal(resource) + rest;
                case POST -> "create" + one + rest;
                default -> method.name().toLowerCase(Locale.ROOT) + pascal(resource) + rest;
            };
        }
        List<String> after = segments.subList(2, segments.size()).stream().filter(s -> !isParameter(s)).toList();
        if (after.isEmpty()) {
            return switch (method) {
                case GET -> "get" + one;
                case PUT -> "update" + one;
                case PATCH -> "patch" + one;
                case DELETE -> "delete" + one;
                default -> method.name().toLowerCase(Locale.ROOT) + one;
            };
        }
        String action = after.get(after.size() - 1);
        String qualifier = after.subList(0, after.size() - 1).stream().map(OpenApiConventions::pascal)
                .collect(Collectors.joining());
        if (method == PathItem.HttpMethod.GET) {
            return "get" + one + qualifier + pascal(action);
        }
        List<String> words = Arrays.asList(action.split("-"));
        String verb = words.get(words.size() - 1);
        String object = words.subList(0, words.size() - 1).stream().map(OpenApiConventions::pascal)
                .collect(Collectors.joining());
        return verb + one + qualifier + object;
    }

    /**
     * Removes what generators warn about and then ignore. SmallRye writes a field's {@code @Schema(type
     * = ...)} beside the $ref of a shared schema (UUID, LocalDate, an enum), whose type that is
     * already. A UK wall-clock time written inline gets the wall-clock pattern. Bean Validation's {@code @DecimalMin}/{@code @DecimalMax} on a decimal string become
     * minimum/maximum, which JSON Schema applies to numbers only: the bounds move into the description.
     */
    private static void tidy(Schema schema) {
        if (schema == null) {
            return;
        }
        if (schema.getRef() != null && schema.getType() != null) {
            schema.setType(null);
        }
        if (isInlineWallClock(schema)) {
            wallClock(schema);
        }
        if (schema.getType() != null && schema.getType().equals(List.of(Schema.SchemaType.STRING))
                && (schema.getMinimum() != null || schema.getMaximum() != null)) {
            StringBuilder bounds = new StringBuilder(schema.getDescription() == null ? "" : schema.getDescription().strip());
            if (schema.getMinimum() != null) {
                bounds.append(bounds.isEmpty() ? "" : ". ").append("At least ").append(schema.getMinimum().toPlainString());
            }
            if (schema.getMaximum() != null) {
                bounds.append(bounds.isEmpty() ? "" : schema.getMinimum() != null ? ", " : ". ")
                        .append(schema.getMinimum() != null ? "at most " : "At most ")
                        .append(schema.getMaximum().toPlainString());
            }
            schema.setDescription(bounds.append('.').toString());
            schema.setMinimum(null);
            schema.setMaximum(null);
        }
        if (schema.getProperties() != null) {
            schema.getProperties().values().forEach(OpenApiConventions::tidy);
        }
        tidy(schema.getItems());
        tidy(schema.getAdditionalPropertiesSchema());
        for (List<Schema> composed : Arrays.asList(schema.getAllOf(), schema.getAnyOf(), schema.getOneOf())) {
            if (composed != null) {
                composed.forEach(OpenApiConventions::tidy);
            }
        }
    }

    /** "Roles: partner, assessor." at the end of the description, from the operation's security requirement. */
    private static void describeRoles(Operation operation, List<SecurityRequirement> global) {
        List<SecurityRequirement> security = operation.getSecurity() != null ? operation.getSecurity() : global;
        if (security == null || security.isEmpty()) {
            return;
        }
        List<String> roles = security.stream()
                .map(SecurityRequirement::getSchemes)
                .filter(schemes -> schemes != null)
                .flatMap(schemes -> schemes.values().stream())
                .filter(scopes -> scopes != null)
                .flatMap(List::stream)
                .distinct()
                .toList();
        String sentence = roles.isEmpty() ? "Roles: any authenticated caller." : "Roles: " + String.join(", ", roles) + ".";
        String description = operation.getDescription();
        if (description == null || description.isBlank()) {
            operation.setDescription(sentence);
        } else if (!description.contains("Roles: ")) {
            operation.setDescription(description.strip() + "\n\n" + sentence);
        }
    }

    private static boolean isParameter(String segment) {
        return segment.startsWith("{") && segment.endsWith("}");
    }

    private static String singular(String plural) {
        return plural.endsWith("s") ? plural.substring(0, plural.length() - 1) : plural;
    }

    /** "eligibility-check" to "EligibilityCheck". */
    private static String pascal(String words) {
        StringBuilder out = new StringBuilder();
        for (String word : words.split("[-_]")) {
            if (!word.isEmpty()) {
                out.append(Character.toUpperCase(word.charAt(0))).append(word.substring(1));
            }
        }
        return out.toString();
    }
}
