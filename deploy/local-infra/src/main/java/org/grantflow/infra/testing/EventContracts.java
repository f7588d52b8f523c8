package org.grantflow.infra.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

/**
 * The event contracts in {@code docs/events}: a CloudEvents envelope schema and one JSON Schema per
 * event type ({@code grantflow.fund.created.v1} → {@code fund.created.v1.schema.json}), with an
 * example of each under {@code examples/}. Producers check what they write, consumers check that
 * they accept the examples.
 */
public final class EventContracts {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonSchemaFactory SCHEMAS = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
    private static final Map<String, JsonSchema> CACHE = new ConcurrentHashMap<>();
    private static final String TYPE_PREFIX = "grantflow.";

    private EventContracts() {
    }

    /** Fails unless {@code envelope} is a valid CloudEvent whose data matches its type's schema. */
    public static void assertValid(String envelope) {
        List<String> problems = problems(envelope);
        if (!problems.isEmpty()) {
            throw new AssertionError("Event breaks its contract: " + problems + "\n" + envelope);
        }
    }

    public static List<String> problems(String envelope) {
        JsonNode event = read(envelope);
        List<String> problems = new ArrayList<>();
        schema("cloudevent.schema.json").validate(event).forEach(m -> problems.add(m.getMessage()));
        String type = event.path("type").asText();
        if (!type.startsWith(TYPE_PREFIX)) {
            problems.add("unknown event type " + type);
            return problems;
        }
        for (ValidationMessage m : schema(type.substring(TYPE_PREFIX.length()) + ".schema.json")
                .validate(event.path("data"))) {
            problems.add("data: " + m.getMessage());
        }
        return problems;
    }

    /** The documented example of an event type, as the JSON text a producer would send. */
    public static String example(String type) {
        return read(directory().resolve("examples").resolve(type.substring(TYPE_PREFIX.length()) + ".json"));
    }

    /** Every event type that has a documented example. */
    public static List<String> documentedTypes() {
        try (Stream<Path> files = Files.list(directory().resolve("examples"))) {
            return files.map(f -> TYPE_PREFIX + f.getFileName().toString().replaceFirst("\\.json$", "")).sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonSchema schema(String file) {
        return CACHE.computeIfAbsent(file, f -> SCHEMAS.getSchema(read(read(directory().resolve(f)))));
    }

    /** The folder named by {@code grantflow.events.dir}, else {@code docs/events} in this or a parent folder. */
    public static Path directory() {
        String configured = System.getProperty("grantflow.events.dir");
        if (configured != null && Files.isDirectory(Path.of(configured))) {
            return Path.of(configured);
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve("docs/events"))) {
                return dir.resolve("docs/events");
            }
        }
        throw new IllegalStateException("No event contracts (docs/events) above " + Path.of("").toAbsolutePath());
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new IllegalArgumentException("Not JSON: " + json, e);
        }
    }
}
