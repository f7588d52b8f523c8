package org.grantflow.launcher;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Loads the demo funds (resource {@value #FUNDS_RESOURCE}) into a running funds-service through its
 * public API, as a finance officer would. Loading again is harmless: a fund whose code exists
 * already (409) counts as loaded.
 */
public final class DemoData {

    private static final Logger LOG = Logger.getLogger(DemoData.class);

    static final String FUNDS_RESOURCE = "/demo/funds.json";
    static final String FUNDS_PATH = "/api/v1/funds";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http;

    public DemoData(HttpClient http) {
        this.http = http;
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
        try (InputStream in = DemoData.class.getResourceAsStream(FUNDS_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("Missing resource " + FUNDS_RESOURCE);
            }
            JsonNode root = JSON.readTree(in);
            if (!root.isArray()) {
                throw new IllegalStateException(FUNDS_RESOURCE + " must hold a JSON array of funds");
            }
            List<ObjectNode> funds = new ArrayList<>();
            for (JsonNode fund : root) {
                if (!fund.isObject() || !fund.path("code").isTextual()) {
                    throw new IllegalStateException(FUNDS_RESOURCE + " has an entry without a code: " + fund);
                }
                funds.add((ObjectNode) fund);
            }
            return funds;
        } catch (IOException e) {
            throw new UncheckedIOException("Unreadable " + FUNDS_RESOURCE, e);
        }
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

    private HttpResponse<String> post(URI endpoint, String token, ObjectNode fund) {
        try {
            HttpRequest request = HttpRequest.newBuilder(endpoint)
                    .timeout(Duration.ofSeconds(30))
                    .header("Authorization", "Bearer " + token)
                    .header("Content-Type", "application/json")
                    .header("Accept", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(fund)))
                    .build();
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException("Could not reach funds-service at " + endpoint, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while loading demo funds", e);
        }
    }
}
