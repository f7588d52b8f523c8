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
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
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

    @Test
    void theDemoOrganisationsAreTheFlyTippingGroup() {
        Map<String, ObjectNode> organisations = DemoData.organisations().stream()
                .collect(Collectors.toMap(o -> o.get("id").asText(), Function.identity()));

        assertEquals(18, organisations.size());
        Map<String, Long> byType = organisations.values().stream()
                .collect(Collectors.groupingBy(o -> o.get("type").asText(), Collectors.counting()));
        assertEquals(Map.of("DISTRICT_OR_BOROUGH_COUNCIL", 10L, "COUNTY_COUNCIL", 1L, "POLICE", 1L,
                "FIRE_AND_RESCUE", 1L, "COMMUNITY_SAFETY_PARTNERSHIP", 2L, "OTHER", 3L), byType);
        assertEquals("North District Council", organisations.get("north-district-council").get("name").asText());
        for (String id : List.of("environment-agency", "m25-connect", "national-farmers-union", "county-council",
                "county-constabulary")) {
            assertTrue(organisations.containsKey(id), id);
        }
        for (ObjectNode organisation : organisations.values()) {
            String id = organisation.get("id").asText();
            assertTrue(id.matches("^[a-z0-9][a-z0-9-]{1,99}$"), id);
            assertEquals("Fly Tipping Group", organisation.get("memberships").get(0).asText(), id);
            assertTrue(Set.of("id", "name", "type", "contactEmails", "memberships").containsAll(fieldNames(organisation)),
                    id);
        }
    }

    @Test
    void theDemoRoundsCarryTheBriefsRules() {
        Map<String, ObjectNode> rounds = DemoData.rounds().stream()
                .collect(Collectors.toMap(r -> r.get("fundCode").asText(), Function.identity()));
        Set<String> fundCodes = DemoData.funds().stream().map(f -> f.get("code").asText()).collect(Collectors.toSet());

        assertEquals(Set.of("CSF", "FTF", "RSF", "CJIF", "LPR"), rounds.keySet());
        assertTrue(fundCodes.containsAll(rounds.keySet()));

        JsonNode csg = rounds.get("CSF");
        assertEquals("2016-11-30T17:00:00", csg.get("closesAt").asText());
        assertEquals("5000.00", csg.get("rules").get("minimumAmount").asText());
        assertTrue(csg.get("rules").path("maximumAmount").isMissingNode(), "no maximum");
        assertEquals(3, csg.get("rules").get("maximumFinancialYears").asInt());
        assertEquals(3, csg.get("financialYears").size());
        for (String rule : List.of("noSubFunding", "endorsementRequired", "planPriorityRequired",
                "evaluationPlanRequired")) {
            assertTrue(csg.get("rules").get(rule).asBoolean(), rule);
        }

        JsonNode ftf = rounds.get("FTF");
        assertEquals("2016-11-18T17:00:00", ftf.get("closesAt").asText());
        assertEquals("2017-03-31", ftf.get("spendBy").asText());
        assertEquals("60000.00", ftf.get("pot").asText());
        assertEquals("75", ftf.get("rules").get("maximumInterventionRate").asText());
        assertEquals("Fly Tipping Group", ftf.get("rules").get("eligibleGroups").get(0).asText());
        assertTrue(ftf.get("rules").get("matchFundingRequired").asBoolean());

        assertTrue(rounds.get("CJIF").get("rules").get("sustainabilityRequired").asBoolean());
        assertEquals("2019-04-10T17:00:00", rounds.get("CJIF").get("closingDates").get(0).asText(),
                "rolling, with the brief's periodic deadline first");
        assertEquals("COMMUNITY_SAFETY_PARTNERSHIP",
                rounds.get("LPR").get("rules").get("eligibleOrganisationTypes").get(0).asText());
        assertTrue(rounds.get("LPR").get("rules").get("matchFundingRequired").asBoolean());

        for (ObjectNode round : rounds.values()) {
            String code = round.get("fundCode").asText();
            LocalDateTime.parse(round.get("closesAt").asText());
            assertTrue(round.get("financialYear").asText().matches("\\d{4}/\\d{2}"), code);
            if (round.has("pot")) {
                assertTrue(round.get("pot").isTextual(), code);
                assertEquals(2, new BigDecimal(round.get("pot").asText()).scale(), code);
            }
        }
    }

    @Test
    void aDeadlineStillAheadThisYearStaysAndOneAlreadyPastMovesToNextYear() {
        // 20 November 2026, noon UK time (GMT): the brief's 30 November is still ahead, its 18 November has passed.
        Instant now = Instant.parse("2026-11-20T12:00:00Z");
        Map<String, ObjectNode> rounds = DemoData.rounds().stream()
                .map(r -> DemoData.movedToNextOccurrence(r, now))
                .collect(Collectors.toMap(r -> r.get("fundCode").asText(), Function.identity()));

        ObjectNode csg = rounds.get("CSF");
        assertEquals("2026-11-30T17:00", csg.get("closesAt").asText());
        assertEquals("2027/28", csg.get("financialYear").asText());
        assertEquals(List.of("2027/28", "2028/29", "2029/30"), texts(csg.get("financialYears")));
        assertEquals("2030-03-31", csg.get("spendBy").asText());
        assertEquals("Community Safety Grant 2027/28 (demo)", csg.get("name").asText());

        ObjectNode ftf = rounds.get("FTF");
        assertEquals("2027-11-18T17:00", ftf.get("closesAt").asText());
        assertEquals("2027/28", ftf.get("financialYear").asText());
        assertEquals(List.of("2027/28"), texts(ftf.get("financialYears")));
        assertEquals("2028-03-31", ftf.get("spendBy").asText());
        assertEquals("Fly-Tipping Fund 2027/28 (demo)", ftf.get("name").asText());
        assertEquals("60000.00", ftf.get("pot").asText(), "everything else is kept");

        ObjectNode cjif = rounds.get("CJIF");
        assertEquals(List.of("2027-04-10T17:00", "2027-07-10T17:00", "2027-10-09T17:00"),
                texts(cjif.get("closingDates")), "a rolling round moves until its first closing date is ahead");
        assertEquals("2028-01-08T17:00", cjif.get("closesAt").asText());

        // Every round's first closing date is after now, and within a year of it.
        for (ObjectNode round : rounds.values()) {
            String first = round.path("closingDates").path(0).asText(round.get("closesAt").asText());
            Instant closes = LocalDateTime.parse(first).atZone(DemoData.UK).toInstant();
            assertTrue(closes.isAfter(now) && closes.isBefore(now.plus(Duration.ofDays(366))), round.toString());
        }
    }

    @Test
    void aDeadlineIsComparedInUkLocalTime() {
        ObjectNode round = JSON.createObjectNode().put("name", "R {financialYear}").put("financialYear", "2016/17")
                .put("closesAt", "2016-07-01T17:00:00");
        // 17:00 British Summer Time is 16:00 UTC.
        assertEquals("2026-07-01T17:00",
                DemoData.movedToNextOccurrence(round, Instant.parse("2026-07-01T15:59:59Z")).get("closesAt").asText());
        assertEquals("2027-07-01T17:00",
                DemoData.movedToNextOccurrence(round, Instant.parse("2026-07-01T16:00:00Z")).get("closesAt").asText());
        assertEquals("2027/28",
                DemoData.movedToNextOccurrence(round, Instant.parse("2026-07-01T16:00:00Z")).get("financialYear").asText());
        assertEquals("1999/00", DemoData.shiftFinancialYear("1998/99", 1));
    }

    @Test
    void loadsOrganisationsAndRoundsIntoGrantsAndARerunChangesNothing() throws IOException {
        Instant now = Instant.parse("2026-11-20T12:00:00Z");
        GrantsStub grants = new GrantsStub(now, 2);
        URI base = grants.start();
        DemoData demo = new DemoData(HttpClient.newHttpClient(), Clock.fixed(now, ZoneOffset.UTC),
                Duration.ofSeconds(10), Duration.ofMillis(10));

        DemoData.GrantsResult first = demo.loadGrants(base, "admin-token");

        assertEquals(18, first.organisationsCreated().size());
        assertEquals(List.of(), first.organisationsAlreadyPresent());
        assertEquals(5, first.roundsOpened().size());
        assertTrue(first.roundsOpened().contains("Fly-Tipping Fund 2027/28 (demo)"), first.roundsOpened().toString());
        assertEquals(2, grants.fundListings.get(), "asked again until the funds were listed");
        JsonNode ftf = grants.rounds.stream().filter(r -> r.get("name").asText().startsWith("Fly-Tipping"))
                .findFirst().orElseThrow();
        assertEquals("fund-FTF", ftf.get("fundId").asText());
        assertTrue(ftf.path("fundCode").isMissingNode() && ftf.path("note").isMissingNode(), ftf.toString());
        assertEquals("2027-11-18T17:00", ftf.get("closesAt").asText());

        DemoData.GrantsResult again = demo.loadGrants(base, "admin-token");

        assertEquals(List.of(), again.organisationsCreated());
        assertEquals(18, again.organisationsAlreadyPresent().size());
        assertEquals(List.of(), again.roundsOpened());
        assertEquals(first.roundsOpened(), again.roundsAlreadyPresent());
        assertEquals(5, grants.rounds.size(), "no round drafted twice");
        assertEquals(5, grants.opens.get(), "no round opened twice");
    }

    @Test
    void opensADraftThatAnInterruptedRunLeftBehind() throws IOException {
        Instant now = Instant.parse("2026-11-20T12:00:00Z");
        GrantsStub grants = new GrantsStub(now, 1);
        grants.opensToRefuse.set(1);
        URI base = grants.start();
        DemoData demo = new DemoData(HttpClient.newHttpClient(), Clock.fixed(now, ZoneOffset.UTC),
                Duration.ofSeconds(10), Duration.ofMillis(10));

        assertThrows(IllegalStateException.class, () -> demo.loadGrants(base, "admin-token"));
        assertEquals(1, grants.rounds.size());
        assertEquals(0, grants.open.size());

        DemoData.GrantsResult rerun = demo.loadGrants(base, "admin-token");

        assertEquals(5, rerun.roundsOpened().size());
        assertEquals(5, grants.rounds.size(), "the draft left behind is opened, not drafted again");
        assertEquals(5, grants.open.size());
    }

    @Test
    void givesUpWhenGrantsNeverListsTheFunds() throws IOException {
        Instant now = Instant.parse("2026-11-20T12:00:00Z");
        URI base = new GrantsStub(now, Integer.MAX_VALUE).start();
        DemoData demo = new DemoData(HttpClient.newHttpClient(), Clock.fixed(now, ZoneOffset.UTC),
                Duration.ofMillis(200), Duration.ofMillis(20));

        IllegalStateException e = assertThrows(IllegalStateException.class, () -> demo.loadGrants(base, "admin-token"));

        assertTrue(e.getMessage().contains("did not list the demo funds"), e.getMessage());
    }

    /**
     * A stand-in grants-service: registers organisations (409 for a known id), lists the demo funds
     * only from its {@code fundsAfter}-th listing on, like a service still reading events, drafts
     * rounds, refusing one whose first closing date is before {@code now} as the real service does,
     * and opens drafts.
     */
    private final class GrantsStub {

        final Set<String> organisations = ConcurrentHashMap.newKeySet();
        final List<JsonNode> rounds = Collections.synchronizedList(new ArrayList<>());
        final AtomicInteger fundListings = new AtomicInteger();
        final Set<String> open = ConcurrentHashMap.newKeySet();
        final AtomicInteger opens = new AtomicInteger();
        /** How many open requests to answer 503, like a service going away halfway through. */
        final AtomicInteger opensToRefuse = new AtomicInteger();
        private final Instant now;
        private final int fundsAfter;

        GrantsStub(Instant now, int fundsAfter) {
            this.now = now;
            this.fundsAfter = fundsAfter;
        }

        URI start() throws IOException {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.createContext(DemoData.ORGANISATIONS_PATH, exchange -> answer(exchange, () -> {
                assertEquals("POST", exchange.getRequestMethod());
                JsonNode body = JSON.readTree(exchange.getRequestBody());
                return organisations.add(body.get("id").asText()) ? new Answer(201, "{}") : new Answer(409, "{}");
            }));
            server.createContext(DemoData.GRANTS_FUNDS_PATH, exchange -> answer(exchange, () -> {
                assertEquals("GET", exchange.getRequestMethod());
                ObjectNode page = JSON.createObjectNode();
                ArrayNode items = page.putArray("items");
                if (fundListings.incrementAndGet() >= fundsAfter) {
                    DemoData.funds().forEach(f -> items.addObject().put("id", "fund-" + f.get("code").asText())
                            .put("code", f.get("code").asText()).put("name", f.get("name").asText()));
                }
                return new Answer(200, page.toString());
            }));
            server.createContext(DemoData.ROUNDS_PATH, exchange -> answer(exchange, () -> {
                String path = exchange.getRequestURI().getPath();
                if (exchange.getRequestMethod().equals("GET")) {
                    assertEquals("size=200", exchange.getRequestURI().getQuery());
                    ObjectNode page = JSON.createObjectNode();
                    ArrayNode items = page.putArray("items");
                    synchronized (rounds) {
                        for (int i = 0; i < rounds.size(); i++) {
                            items.addObject().put("id", "round-" + i).put("name", rounds.get(i).get("name").asText())
                                    .put("status", open.contains("round-" + i) ? "OPEN" : "DRAFT");
                        }
                    }
                    return new Answer(200, page.toString());
                }
                if (path.endsWith("/open")) {
                    String id = path.substring(DemoData.ROUNDS_PATH.length() + 1, path.length() - "/open".length());
                    if (opensToRefuse.getAndDecrement() > 0) {
                        return new Answer(503, "{}");
                    }
                    opens.incrementAndGet();
                    open.add(id);
                    return new Answer(200, "{\"id\":\"" + id + "\",\"status\":\"OPEN\"}");
                }
                JsonNode body = JSON.readTree(exchange.getRequestBody());
                Instant first = LocalDateTime.parse(body.path("closingDates").path(0).asText(body.get("closesAt").asText()))
                        .atZone(DemoData.UK).toInstant();
                if (!first.isAfter(now)) {
                    return new Answer(422, "{\"type\":\"invalid-round\"}");
                }
                synchronized (rounds) {
                    rounds.add(body);
                    return new Answer(201, "{\"id\":\"round-" + (rounds.size() - 1) + "\",\"status\":\"DRAFT\"}");
                }
            }));
            server.start();
            return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
        }

        private void answer(HttpExchange exchange, Responder responder) throws IOException {
            Answer answer;
            try {
                assertEquals("Bearer admin-token", exchange.getRequestHeaders().getFirst("Authorization"));
                answer = responder.respond();
            } catch (AssertionError | RuntimeException | IOException e) {
                answer = new Answer(500, e.toString());
            }
            byte[] body = answer.body().getBytes(StandardCharsets.UTF_8);
            try (OutputStream out = exchange.getResponseBody()) {
                exchange.sendResponseHeaders(answer.status(), body.length);
                out.write(body);
            }
        }
    }

    private record Answer(int status, String body) {
    }

    @FunctionalInterface
    private interface Responder {
        Answer respond() throws IOException;
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(n -> texts.add(n.asText()));
        return texts;
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
