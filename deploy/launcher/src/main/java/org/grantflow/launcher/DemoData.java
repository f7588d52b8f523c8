package org.grantflow.launcher;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Loads the demo data through the services' public APIs: the funds (resource {@value #FUNDS_RESOURCE})
 * into funds-service, as a finance officer would, then the applicant organisations
 * ({@value #ORGANISATIONS_RESOURCE}) and the rounds ({@value #ROUNDS_RESOURCE}) into grants-service,
 * as an administrator would. Loading again is harmless: a fund whose code or an organisation whose id
 * exists already (409) counts as loaded, and a round whose name is already listed is skipped.
 *
 * <p>The rounds carry the brief's dates (2016&ndash;2019), which have passed, and grants-service
 * refuses a round whose closing date has passed. So each round keeps the day, month and UK local time
 * of its deadline but is moved by whole years to the next occurrence after now, and its spend-by date
 * and financial year(s) move by the same number of years (see {@link #movedToNextOccurrence}).
 */
public final class DemoData {

    private static final Logger LOG = Logger.getLogger(DemoData.class);

    static final String FUNDS_RESOURCE = "/demo/funds.json";
    static final String FUNDS_PATH = "/api/v1/funds";

    static final String ORGANISATIONS_RESOURCE = "/demo/organisations.json";
    static final String ROUNDS_RESOURCE = "/demo/rounds.json";
    static final String ORGANISATIONS_PATH = "/api/v1/organisations";
    static final String ROUNDS_PATH = "/api/v1/rounds";
    /** grants-service lists the funds it has learnt from funds-service's events here. */
    static final String GRANTS_FUNDS_PATH = "/api/v1/funds";
    /** The largest page grants-service serves. */
    static final int PAGE_SIZE = 200;
    static final String DATES_MOVED = "demo rounds use the brief's dates moved to the next year";

    /** Round deadlines are UK local times. */
    static final ZoneId UK = ZoneId.of("Europe/London");
    /** Fields of a {@value #ROUNDS_RESOURCE} entry that are for the launcher, not for the API. */
    private static final Set<String> LAUNCHER_ONLY_FIELDS = Set.of("fundCode", "note");
    private static final String YEAR_PLACEHOLDER = "{financialYear}";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http;
    private final Clock clock;
    private final Duration fundsWait;
    private final Duration fundsPollInterval;

    public DemoData(HttpClient http) {
        this(http, Clock.systemUTC(), Duration.ofMinutes(2), Duration.ofMillis(500));
    }

    DemoData(HttpClient http, Clock clock, Duration fundsWait, Duration fundsPollInterval) {
        this.http = http;
        this.clock = clock;
        this.fundsWait = fundsWait;
        this.fundsPollInterval = fundsPollInterval;
    }

    /** What loading grants-service did: organisation ids and round names. */
    public record GrantsResult(List<String> organisationsCreated, List<String> organisationsAlreadyPresent,
            List<String> roundsOpened, List<String> roundsAlreadyPresent) {

        public GrantsResult {
            organisationsCreated = List.copyOf(organisationsCreated);
            organisationsAlreadyPresent = List.copyOf(organisationsAlreadyPresent);
            roundsOpened = List.copyOf(roundsOpened);
            roundsAlreadyPresent = List.copyOf(roundsAlreadyPresent);
        }
    }

    /** What a load did, by fund code. */
    public record Result(List<String> created, List<String> alreadyPresent) {

        public Result {
            created = List.copyOf(created);
            alreadyPresent = List.copyOf(alreadyPresent);
        }
    }

    /** The demo funds, each exactly the JSON body of {@code POST /api/v1/funds}. */
    public static List<ObjectNode> funds() {
        return readArray(FUNDS_RESOURCE, "code");
    }

    /** The demo applicant organisations, each exactly the JSON body of {@code POST /api/v1/organisations}. */
    public static List<ObjectNode> organisations() {
        return readArray(ORGANISATIONS_RESOURCE, "id");
    }

    /**
     * The demo rounds as written in the resource: the brief's dates, a {@code fundCode} instead of a
     * {@code fundId}, a {@code note}, and a name that may hold {@value #YEAR_PLACEHOLDER}.
     */
    public static List<ObjectNode> rounds() {
        List<ObjectNode> rounds = readArray(ROUNDS_RESOURCE, "name");
        for (ObjectNode round : rounds) {
            for (String field : List.of("fundCode", "financialYear", "closesAt")) {
                if (!round.path(field).isTextual()) {
                    throw new IllegalStateException(ROUNDS_RESOURCE + " has a round without " + field + ": " + round);
                }
            }
        }
        return rounds;
    }

    private static List<ObjectNode> readArray(String resource, String keyField) {
        try (InputStream in = DemoData.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Missing resource " + resource);
            }
            JsonNode root = JSON.readTree(in);
            if (!root.isArray()) {
                throw new IllegalStateException(resource + " must hold a JSON array");
            }
            List<ObjectNode> entries = new ArrayList<>();
            for (JsonNode entry : root) {
                if (!entry.isObject() || !entry.path(keyField).isTextual()) {
                    throw new IllegalStateException(resource + " has an entry without " + keyField + ": " + entry);
                }
                entries.add((ObjectNode) entry);
            }
            return entries;
        } catch (IOException e) {
            throw new UncheckedIOException("Unreadable " + resource, e);
        }
    }

    /**
     * The round moved by whole years so that its deadline (UK local time) is the first one after
     * {@code now} with the same day, month and time of day; its spend-by date and financial year(s)
     * move by as many years, and {@value #YEAR_PLACEHOLDER} in its name becomes the moved financial
     * year. A deadline still ahead stays where it is. Launcher-only fields are kept.
     */
    static ObjectNode movedToNextOccurrence(ObjectNode round, Instant now) {
        LocalDateTime closesAt = LocalDateTime.parse(round.get("closesAt").asText());
        // A rolling round moves until its first closing date is ahead, so that every one of them is.
        LocalDateTime first = round.path("closingDates").isArray() && !round.get("closingDates").isEmpty()
                ? LocalDateTime.parse(round.get("closingDates").get(0).asText()) : closesAt;
        int passed = 0;
        while (!first.plusYears(passed).atZone(UK).toInstant().isAfter(now)) {
            passed++;
        }
        int years = passed;
        ObjectNode moved = round.deepCopy();
        moved.put("closesAt", closesAt.plusYears(years).toString());
        if (round.path("closingDates").isArray()) {
            var closingDates = moved.putArray("closingDates");
            round.get("closingDates").forEach(d -> closingDates.add(LocalDateTime.parse(d.asText()).plusYears(years)
                    .toString()));
        }
        if (round.path("spendBy").isTextual()) {
            moved.put("spendBy", LocalDate.parse(round.get("spendBy").asText()).plusYears(years).toString());
        }
        String financialYear = shiftFinancialYear(round.get("financialYear").asText(), years);
        moved.put("financialYear", financialYear);
        if (round.path("financialYears").isArray()) {
            var financialYears = moved.putArray("financialYears");
            round.get("financialYears").forEach(y -> financialYears.add(shiftFinancialYear(y.asText(), years)));
        }
        moved.put("name", round.get("name").asText().replace(YEAR_PLACEHOLDER, financialYear));
        return moved;
    }

    /** {@code 2016/17} moved by 11 years is {@code 2027/28}. */
    static String shiftFinancialYear(String financialYear, int years) {
        int start = Integer.parseInt(financialYear.substring(0, 4)) + years;
        return String.format("%d/%02d", start, (start + 1) % 100);
    }

    /**
     * Creates every demo fund in the funds-service at {@code fundsService}.
     *
     * @param financeToken a bearer token with the {@code finance} role
     * @throws IllegalStateException if the service refuses a fund for any reason but a duplicate code
     */
    public Result load(URI fundsService, String financeToken) {
        URI endpoint = fundsService.resolve(FUNDS_PATH);
        List<String> created = new ArrayList<>();
        List<String> alreadyPresent = new ArrayList<>();
        for (ObjectNode fund : funds()) {
            String code = fund.get("code").asText();
            HttpResponse<String> response = post(endpoint, financeToken, fund);
            switch (response.statusCode()) {
                case 200, 201 -> created.add(code);
                case 409 -> alreadyPresent.add(code);
                default -> throw new IllegalStateException("funds-service refused demo fund " + code + " with HTTP "
                        + response.statusCode() + ": " + response.body());
            }
        }
        LOG.infof("Demo funds: %d created, %d already there", created.size(), alreadyPresent.size());
        return new Result(created, alreadyPresent);
    }

    /**
     * Registers every demo organisation and opens every demo round in the grants-service at
     * {@code grantsService}, with dates moved past now. It first waits (up to the configured time)
     * until grants-service lists the rounds' funds, which it learns from funds-service's events.
     *
     * @param adminToken a bearer token with the {@code admin} role
     * @throws IllegalStateException if the funds do not show in time, or the service refuses an
     *         organisation for any reason but a duplicate id, or refuses a round
     */
    public GrantsResult loadGrants(URI grantsService, String adminToken) {
        List<String> organisationsCreated = new ArrayList<>();
        List<String> organisationsAlreadyPresent = new ArrayList<>();
        URI organisationsEndpoint = grantsService.resolve(ORGANISATIONS_PATH);
        for (ObjectNode organisation : organisations()) {
            String id = organisation.get("id").asText();
            HttpResponse<String> response = post(organisationsEndpoint, adminToken, organisation);
            switch (response.statusCode()) {
                case 200, 201 -> organisationsCreated.add(id);
                case 409 -> organisationsAlreadyPresent.add(id);
                default -> throw new IllegalStateException("grants-service refused demo organisation " + id
                        + " with HTTP " + response.statusCode() + ": " + response.body());
            }
        }

        Instant now = clock.instant();
        List<ObjectNode> rounds = rounds().stream().map(r -> movedToNextOccurrence(r, now)).toList();
        Set<String> fundCodes = new LinkedHashSet<>();
        rounds.forEach(r -> fundCodes.add(r.get("fundCode").asText()));
        Map<String, String> fundIds = new HashMap<>();
        boolean listed = Waits.poll(fundsWait, fundsPollInterval, () -> {
            fundIds.clear();
            fundIds.putAll(grantsFundIds(grantsService, adminToken));
            return fundIds.keySet().containsAll(fundCodes);
        });
        if (!listed) {
            Set<String> missing = new LinkedHashSet<>(fundCodes);
            missing.removeAll(fundIds.keySet());
            throw new IllegalStateException("grants-service did not list the demo funds " + missing + " within "
                    + fundsWait.toSeconds() + " s; is Kafka carrying funds-service's events?");
        }

        Map<String, JsonNode> existing = rounds(grantsService, adminToken);
        List<String> opened = new ArrayList<>();
        List<String> alreadyPresent = new ArrayList<>();
        URI roundsEndpoint = grantsService.resolve(ROUNDS_PATH);
        for (ObjectNode round : rounds) {
            String name = round.get("name").asText();
            JsonNode present = existing.get(name);
            if (present != null && !present.path("status").asText().equals("DRAFT")) {
                alreadyPresent.add(name);
                continue;
            }
            String id;
            if (present != null) {
                id = present.path("id").asText();
            } else {
                ObjectNode body = round.deepCopy();
                body.remove(LAUNCHER_ONLY_FIELDS);
                body.put("fundId", fundIds.get(round.get("fundCode").asText()));
                id = accepted(post(roundsEndpoint, adminToken, body), "draft demo round " + name).path("id").asText();
            }
            accepted(post(grantsService.resolve(ROUNDS_PATH + "/" + id + "/open"), adminToken, null),
                    "open demo round " + name);
            opened.add(name);
        }
        LOG.infof("Demo organisations: %d created, %d already there; demo rounds: %d opened, %d already there (%s)",
                organisationsCreated.size(), organisationsAlreadyPresent.size(), opened.size(), alreadyPresent.size(),
                DATES_MOVED);
        return new GrantsResult(organisationsCreated, organisationsAlreadyPresent, opened, alreadyPresent);
    }

    /** Fund code to id, as grants-service lists its funds now; empty while it cannot answer. */
    private Map<String, String> grantsFundIds(URI grantsService, String token) {
        Map<String, String> ids = new HashMap<>();
        try {
            HttpResponse<String> response = get(grantsService.resolve(GRANTS_FUNDS_PATH + "?size=" + PAGE_SIZE), token);
            if (response.statusCode() == 200) {
                for (JsonNode fund : JSON.readTree(response.body()).path("items")) {
                    ids.put(fund.path("code").asText(), fund.path("id").asText());
                }
            }
        } catch (IOException e) {
            LOG.debugf("grants-service funds not readable yet: %s", e.getMessage());
        }
        return ids;
    }

    /** The rounds grants-service holds, drafts included, by name. */
    private Map<String, JsonNode> rounds(URI grantsService, String token) {
        try {
            HttpResponse<String> response = get(grantsService.resolve(ROUNDS_PATH + "?size=" + PAGE_SIZE), token);
            if (response.statusCode() != 200) {
                throw new IllegalStateException("grants-service refused to list rounds with HTTP "
                        + response.statusCode() + ": " + response.body());
            }
            Map<String, JsonNode> byName = new HashMap<>();
            JSON.readTree(response.body()).path("items").forEach(r -> byName.put(r.path("name").asText(), r));
            return byName;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not list the rounds of grants-service at " + grantsService, e);
        }
    }

    private HttpResponse<String> get(URI endpoint, String token) throws IOException {
        try {
            HttpRequest request = HttpRequest.newBuilder(endpoint)
                    .timeout(Duration.ofSeconds(30))
                    .header("Authorization", "Bearer " + token)
                    .header("Accept", "application/json")
                    .GET()
                    .build();
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while loading demo data", e);
        }
    }

    /** The body of a 200 or 201 answer; any other is a refusal. */
    private static JsonNode accepted(HttpResponse<String> response, String what) {
        if (response.statusCode() != 200 && response.statusCode() != 201) {
            throw new IllegalStateException("grants-service refused to " + what + " with HTTP "
                    + response.statusCode() + ": " + response.body());
        }
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException("grants-service answered " + what + " with unreadable JSON", e);
        }
    }

    private HttpResponse<String> post(URI endpoint, String token, ObjectNode fund) {
        try {
            HttpRequest request = HttpRequest.newBuilder(endpoint)
                    .timeout(Duration.ofSeconds(30))
                    .header("Authorization", "Bearer " + token)
                    .header("Content-Type", "application/json")
                    .header("Accept", "application/json")
                    .POST(fund == null ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(fund)))
                    .build();
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException("Could not reach " + endpoint, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while loading demo data", e);
        }
    }
}
