package org.grantflow.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

class DemoDataTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> FUNDING_SOURCES = Set.of("MINISTRY_OF_JUSTICE_GRANT", "RESERVES", "BASE_BUDGET",
            "PROCEEDS_OF_CRIME", "HOME_OFFICE_GRANT");

    private HttpServer server;

    @AfterEach
    void stopServer() {
        if (server != null) {
            server.stop(0);
        }
    }

    @Test
    void theDemoFundsAreTheTenFundsOfTheBrief() {
        Map<String, ObjectNode> funds = DemoData.funds().stream()
                .collect(Collectors.toMap(f -> f.get("code").asText(), Function.identity()));

        assertEquals(Set.of("VS", "RSF", "CSF", "CAF", "CJIF", "VAWG", "FTF", "LPR", "CJB", "VOL"), funds.keySet());
        assertEquals("Road Safety Fund", funds.get("RSF").get("name").asText());
        assertEquals("Commissioner's Action Fund", funds.get("CAF").get("name").asText());
        assertEquals(Map.of("2019/20", "1364070.00"), budgets(funds.get("VS")));
        assertEquals(Map.of("2016/17", "60000.00", "2019/20", "20000.00"), budgets(funds.get("FTF")));
        assertEquals(Map.of("2017/18", "100000.00", "2018/19", "100000.00", "2019/20", "100000.00",
                "2020/21", "100000.00"), budgets(funds.get("LPR")));
        assertEquals("HOME_OFFICE_GRANT", funds.get("VAWG").get("fundingSource").asText());
        List<String> ringFenced = funds.values().stream()
                .filter(f -> f.get("ringFenced").asBoolean())
                .map(f -> f.get("code").asText())
                .toList();
        assertEquals(List.of("RSF"), ringFenced);
    }

    @Test
    void everyDemoFundIsAWellFormedRequestBody() {
        for (ObjectNode fund : DemoData.funds()) {
            String code = fund.get("code").asText();
            assertEquals(Set.of("code", "name", "description", "fundingSource", "ringFenced", "budgets"),
                    fieldNames(fund), code);
            assertTrue(FUNDING_SOURCES.contains(fund.get("fundingSource").asText()), code);
            assertTrue(fund.get("ringFenced").isBoolean(), code);
            assertTrue(fund.get("description").asText().length() > 20, code);
            for (JsonNode budget : fund.get("budgets")) {
                // Money travels as a string with exactly two decimals, never as a JSON number.
                assertTrue(budget.get("amount").isTextual(), code);
                assertEquals(2, new BigDecimal(budget.get("amount").asText()).scale(), code);
                assertTrue(budget.get("financialYear").asText().matches("\\d{4}/\\d{2}"), code);
            }
        }
    }

    @Test
    void postsEveryFundAsFinanceAndCountsExistingCodesAsLoaded() throws IOException {
        List<JsonNode> received = Collections.synchronizedList(new ArrayList<>());
        Set<String> existing = ConcurrentHashMap.newKeySet();
        existing.add("RSF");
        URI base = serve((exchange, requestBody) -> {
            assertEquals("POST", exchange.getRequestMethod());
            assertEquals("Bearer finance-token", exchange.getRequestHeaders().getFirst("Authorization"));
            assertEquals("application/json", exchange.getRequestHeaders().getFirst("Content-Type"));
            JsonNode body = JSON.readTree(requestBody);
            received.add(body);
            return existing.add(body.get("code").asText()) ? 201 : 409;
        });

        DemoData.Result result = new DemoData(HttpClient.newHttpClient()).load(base, "finance-token");

        assertEquals(List.of("RSF"), result.alreadyPresent());
        assertEquals(9, result.created().size());
        assertEquals(DemoData.funds(), received, "each resource entry is sent as it is");

        DemoData.Result again = new DemoData(HttpClient.newHttpClient()).load(base, "finance-token");
        assertEquals(List.of(), again.created());
        assertEquals(10, again.alreadyPresent().size());
    }

    @Test
    void stopsWithTheServicesAnswerWhenAFundIsRefused() throws IOException {
        URI base = serve((exchange, requestBody) -> 400);

        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> new DemoData(HttpClient.newHttpClient()).load(base, "finance-token"));

        assertTrue(e.getMessage().contains("refused demo fund VS with HTTP 400: {\"error\":\"refused\"}"), e.getMessage());
    }

    /** A stand-in funds-service answering {@code POST /api/v1/funds} with the status {@code handler} picks. */
    private URI serve(StatusHandler handler) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext(DemoData.FUNDS_PATH, exchange -> {
            int status;
            String answer;
            try (InputStream in = exchange.getRequestBody()) {
                status = handler.statusFor(exchange, in.readAllBytes());
                answer = status >= 400 ? "{\"error\":\"refused\"}" : "{}";
            } catch (AssertionError | RuntimeException | IOException e) {
                // The client reports the status and body, so the failed check shows in the test's failure.
                status = 500;
                answer = e.toString();
            }
            byte[] body = answer.getBytes(StandardCharsets.UTF_8);
            try (OutputStream out = exchange.getResponseBody()) {
                exchange.sendResponseHeaders(status, body.length);
                out.write(body);
            }
        });
        server.start();
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    @FunctionalInterface
    private interface StatusHandler {
        int statusFor(HttpExchange exchange, byte[] requestBody) throws IOException;
    }

    private static Map<String, String> budgets(JsonNode fund) {
        Map<String, String> budgets = new HashMap<>();
        fund.get("budgets").forEach(b -> budgets.put(b.get("financialYear").asText(), b.get("amount").asText()));
        return budgets;
    }

    private static Set<String> fieldNames(JsonNode node) {
        Set<String> names = new HashSet<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
