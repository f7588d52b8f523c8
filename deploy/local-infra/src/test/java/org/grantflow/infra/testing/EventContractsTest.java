package org.grantflow.infra.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The documented examples are themselves valid, and the checker does catch a broken event. */
class EventContractsTest {

    static List<String> documentedTypes() {
        return EventContracts.documentedTypes();
    }

    @ParameterizedTest
    @MethodSource("documentedTypes")
    void everyDocumentedExampleMatchesItsSchema(String type) {
        assertEquals(List.of(), EventContracts.problems(EventContracts.example(type)));
    }

    @Test
    void everySchemaHasAnExample() throws IOException {
        Path dir = EventContracts.directory();
        try (Stream<Path> files = Files.list(dir)) {
            files.map(f -> f.getFileName().toString())
                    .filter(n -> n.endsWith(".schema.json") && !n.equals("cloudevent.schema.json"))
                    .forEach(n -> assertTrue(Files.exists(dir.resolve("examples").resolve(n.replace(".schema.json",
                            ".json"))), "no example for " + n));
        }
    }

    @Test
    void reportsAMissingFieldAndAnInexactAmount() {
        String broken = EventContracts.example("grantflow.bid.submitted.v1")
                .replace("\"amountRequested\": \"12000.00\"", "\"amountRequested\": 12000.5")
                .replace("\"organisationId\": \"district-council-01\",", "");
        List<String> problems = EventContracts.problems(broken);
        assertTrue(problems.stream().anyMatch(p -> p.contains("organisationId")), problems.toString());
        assertTrue(problems.stream().anyMatch(p -> p.contains("amountRequested")), problems.toString());
    }
}
