package org.grantflow.launcher;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.grantflow.client.grants.ApiClient;
import org.grantflow.client.grants.ApiException;
import org.grantflow.client.grants.ApiResponse;
import org.grantflow.client.grants.api.BidsApi;
import org.grantflow.client.grants.api.FundsApi;
import org.grantflow.client.grants.api.RoundsApi;
import org.grantflow.client.grants.model.BidDetails;
import org.grantflow.client.grants.model.BidStatus;
import org.grantflow.client.grants.model.BidView;
import org.grantflow.client.grants.model.CreateBidRequest;
import org.grantflow.client.grants.model.EligibilityReport;
import org.grantflow.client.grants.model.FundStatus;
import org.grantflow.client.grants.model.FundView;
import org.grantflow.client.grants.model.MatchFunding;
import org.grantflow.client.grants.model.Problem;
import org.grantflow.client.grants.model.RoundRequest;
import org.grantflow.client.grants.model.RoundRules;
import org.grantflow.client.grants.model.RoundView;
import org.grantflow.client.grants.model.RoundStatus;
import org.grantflow.client.grants.model.StatusChangeView;
import org.grantflow.client.grants.model.Violation;
import org.grantflow.infra.Tokens;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.fasterxml.jackson.annotation.JsonFormat;

import io.restassured.http.ContentType;

/**
 * What a partner's portal does, through a Java client generated from the OpenAPI document that
 * grants-service's build stores (see this module's pom: openapi-generator, library native). If the
 * document leaves out a body, names an operation badly or types a field wrongly, this fails to
 * compile or to call the service. Every call to grants-service goes through the generated client;
 * only the fund is made in funds-service (over plain HTTP), which grants-service then hears of.
 */
@ExtendWith(RunningGrantflow.class)
class GeneratedClientIT {

    /** A fund crosses the broker from funds-service to grants-service; generous for a busy machine. */
    private static final Duration EVENTUALLY = Duration.ofSeconds(60);
    private static final ZoneId UK = ZoneId.of("Europe/London");
    private static final DateTimeFormatter WALL_CLOCK = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss");
    private static final String PROBLEMS = "https://grantflow.example/problems/";

    private static GrantflowSystem system;
    private static Tokens tokens;
    /** An open round of a new fund: bids of at least £5,000.00, at most 75% of the project cost. */
    private static RoundView round;
    private static String closesAtUkTime;

    @BeforeAll
    static void openARound(GrantflowSystem running) throws ApiException {
        system = running;
        tokens = system.tokens();
        LocalDateTime closes = LocalDate.now(UK).plusYears(1).atTime(17, 0);
        closesAtUkTime = closes.format(WALL_CLOCK);
        UUID fundId = fundKnownToGrants(financialYear(closes.toLocalDate()));
        round = draftEditAndOpen(fundId, financialYear(closes.toLocalDate()));
    }

    @Test
    void partnersListOpenRoundsAndReadOneWithItsRulesInWords() throws ApiException {
        RoundsApi rounds = new RoundsApi(grants(tokens.partner(newOrganisation())));

        List<RoundView> open = rounds.listRounds(round.getFundId(), 0, 200, RoundStatus.OPEN).getItems();
        RoundView read = rounds.getRound(round.getId());

        assertEquals(List.of(round.getId()), open.stream().map(RoundView::getId).toList());
        assertEquals(RoundStatus.OPEN, read.getStatus());
        assertEquals(closesAtUkTime, read.getClosesAtUkTime(), "UK wall-clock time, no offset");
        assertEquals(0, new BigDecimal("5000.00").compareTo(read.getRules().getMinimumAmount()));
        assertTrue(read.getRulesInWords().contains("Bids must ask for at least £5,000.00."), () -> "rules in words: "
                + read.getRulesInWords());
        assertTrue(read.getRulesInWords().stream().anyMatch(rule -> rule.startsWith("The grant may cover at most 75%")),
                () -> "rules in words: " + read.getRulesInWords());
    }

    @Test
    void anEligibilityCheckAnswersEveryBrokenRuleAsTypedViolationsAndSavesNothing() throws ApiException {
        String organisation = newOrganisation();
        ApiClient partner = grants(tokens.partner(organisation));

        EligibilityReport report = new RoundsApi(partner).checkRoundEligibility(round.getId(),
                details("Too small and too dear", "4999.99", "6000.00"), null);

        assertFalse(report.getEligible());
        assertEquals(Map.of("MINIMUM_AMOUNT", "amountRequested", "INTERVENTION_RATE", "amountRequested"),
                codesAndFields(report.getViolations()));
        assertTrue(report.getCheckedAt() != null, "the moment checked against is an instant");
        assertEquals(0L, new BidsApi(partner).listBids(null, 0, round.getId(), 20, null).getTotal(),
                "a check saves no bid");
    }

    @Test
    void aDraftIsCreatedOnceForItsIdempotencyKeyEditedWithIfMatchSubmittedAndItsHistoryRead() throws ApiException {
        String organisation = newOrganisation();
        ApiClient partner = grants(tokens.partner(organisation));
        BidsApi bids = new BidsApi(partner);
        String idempotencyKey = UUID.randomUUID().toString();
        CreateBidRequest request = newBid("Cameras at fly-tipping hot spots", "12000.00", "16000.00");

        BidView draft = bids.createBid(request, idempotencyKey);
        BidView retried = bids.createBid(request, idempotencyKey);

        assertEquals(BidStatus.DRAFT, draft.getStatus());
        assertEquals(organisation, draft.getOrganisationId());
        assertEquals(new BigDecimal("12000.00"), draft.getAmountRequested(), "pounds and pence, exactly");
        assertEquals(draft.getId(), retried.getId(), "the same key and body answer the first bid");
        assertEquals(1L, bids.listBids(null, 0, round.getId(), 20, null).getTotal());

        ApiResponse<BidView> current = bids.getBidWithHttpInfo(draft.getId());
        String etag = header(current, "ETag");
        assertEquals("\"" + current.getData().getVersion() + "\"", etag);
        BidDetails edit = details("Cameras and signs at fly-tipping hot spots", "12000.00", "16000.00");
        BidView edited = bids.updateBid(draft.getId(), etag, edit);
        assertEquals("Cameras and signs at fly-tipping hot spots", edited.getTitle());

        Problem stale = problem(assertThrows(ApiException.class, () -> bids.updateBid(draft.getId(), etag, edit)), 409);
        assertEquals(PROBLEMS + "stale-version", stale.getType());

        BidView submitted = bids.submitBid(draft.getId());
        assertEquals(BidStatus.SUBMITTED, submitted.getStatus());
        assertTrue(submitted.getSubmittedAt() != null);

        List<StatusChangeView> history = bids.getBidHistory(draft.getId());
        assertEquals(2, history.size(), () -> "history: " + history);
        assertNull(history.get(0).getFrom());
        assertEquals(BidStatus.DRAFT, history.get(0).getTo());
        assertEquals(BidStatus.DRAFT, history.get(1).getFrom());
        assertEquals(BidStatus.SUBMITTED, history.get(1).getTo());
        assertTrue(history.stream().allMatch(change -> change.getAt() != null && change.getBy() != null), () -> "history: " + history);
    }

    @Test
    void anIneligibleSubmissionIsATypedProblemListingEveryViolationAndTheBidIsKeptIneligible() throws ApiException {
        BidsApi bids = new BidsApi(grants(tokens.partner(newOrganisation())));
        BidView draft = bids.createBid(newBid("Too small and too dear", "4999.99", "6000.00"), UUID.randomUUID().toString());

        Problem refusal = problem(assertThrows(ApiException.class, () -> bids.submitBid(draft.getId())), 422);

        assertEquals(PROBLEMS + "bid-not-eligible", refusal.getType());
        assertEquals(422, refusal.getStatus());
        assertEquals("/api/v1/bids/" + draft.getId() + "/submit", refusal.getInstance());
        assertEquals(Map.of("MINIMUM_AMOUNT", "amountRequested", "INTERVENTION_RATE", "amountRequested"),
                codesAndFields(refusal.getViolations()));
        BidView kept = bids.getBid(draft.getId());
        assertEquals(BidStatus.INELIGIBLE, kept.getStatus());
        assertEquals(codesAndFields(refusal.getViolations()), codesAndFields(kept.getEligibilityViolations()));
    }

    @Test
    void refusalsOfTheCallerAreTypedProblemsToo() {
        RoundsApi anonymous = new RoundsApi(grants(null));
        BidsApi officer = new BidsApi(grants(tokens.staff("assessor")));

        Problem unauthorized = problem(assertThrows(ApiException.class,
                () -> anonymous.getRound(round.getId())), 401);
        Problem forbidden = problem(assertThrows(ApiException.class,
                () -> officer.createBid(newBid("Not a partner", "6000.00", "8000.00"), null)), 403);
        Problem notFound = problem(assertThrows(ApiException.class,
                () -> new RoundsApi(grants(tokens.partner(newOrganisation()))).getRound(UUID.randomUUID())), 404);

        assertEquals(PROBLEMS + "unauthorized", unauthorized.getType());
        assertEquals(PROBLEMS + "forbidden", forbidden.getType());
        assertEquals(PROBLEMS + "not-found", notFound.getType());
    }

    /** An officer drafts a round, edits the draft with If-Match and opens it (round.opened). */
    private static RoundView draftEditAndOpen(UUID fundId, String financialYear) throws ApiException {
        RoundsApi officer = new RoundsApi(grants(tokens.staff("assessor")));
        RoundRequest terms = new RoundRequest()
                .fundId(fundId)
                .name("Fly-Tipping Fund (generated client)")
                .financialYear(financialYear)
                .closesAt(closesAtUkTime)
                .rules(new RoundRules().minimumAmount(new BigDecimal("5000.00")));

        RoundView draft = officer.createRound(terms, UUID.randomUUID().toString());
        assertEquals(RoundStatus.DRAFT, draft.getStatus());
        String etag = header(officer.getRoundWithHttpInfo(draft.getId()), "ETag");
        RoundView edited = officer.updateRound(draft.getId(), etag,
                terms.rules(terms.getRules().maximumInterventionRate(new BigDecimal("75"))));
        assertNotEquals(draft.getVersion(), edited.getVersion());
        assertEquals(0, new BigDecimal("75").compareTo(edited.getRules().getMaximumInterventionRate()));

        RoundView open = officer.openRound(draft.getId());
        assertEquals(RoundStatus.OPEN, open.getStatus());
        return open;
    }

    /**
     * Finance creates the fund in funds-service; grants-service learns of it from the fund.created
     * event and lists it to officers.
     */
    private static UUID fundKnownToGrants(String financialYear) {
        Map<String, Object> fund = Map.of(
                "code", "FTF-" + UUID.randomUUID().toString().substring(0, 6).toUpperCase(),
                "name", "Fly-Tipping Fund",
                "fundingSource", "BASE_BUDGET",
                "ringFenced", false,
                "budgets", List.of(Map.of("financialYear", financialYear, "amount", "60000.00")));
        UUID fundId = UUID.fromString(given()
                .baseUri(system.baseUri(GrantflowService.FUNDS).toString())
                .auth().oauth2(tokens.staff("finance"))
                .contentType(ContentType.JSON)
                .body(fund)
                .post("/api/v1/funds")
                .then().log().ifValidationFails()
                .statusCode(201)
                .extract().<String> path("id"));
        FundsApi funds = new FundsApi(grants(tokens.staff("assessor")));
        await("fund " + fundId + " known to grants-service").atMost(EVENTUALLY).pollInterval(Duration.ofMillis(500))
                .until(() -> funds.listFunds(0, 200, FundStatus.OPEN).getItems().stream().map(FundView::getId)
                        .anyMatch(fundId::equals));
        return fundId;
    }

    /**
     * A client of grants-service as a partner's portal sets one up: the service's address, the
     * caller's bearer token on every request, and money written as the decimal strings the document
     * describes (the models hold BigDecimal; Jackson would write a JSON number).
     */
    private static ApiClient grants(String token) {
        ApiClient client = new ApiClient();
        client.updateBaseUri(system.baseUri(GrantflowService.GRANTS).toString());
        client.setReadTimeout(Duration.ofSeconds(30));
        if (token != null) {
            client.setRequestInterceptor(request -> request.header("Authorization", "Bearer " + token));
        }
        client.getObjectMapper().configOverride(BigDecimal.class).setFormat(JsonFormat.Value.forShape(JsonFormat.Shape.STRING));
        return client;
    }

    /** The problem+json body of a refusal, read into the generated Problem model. */
    private static Problem problem(ApiException refusal, int status) {
        assertEquals(status, refusal.getCode(), refusal::getMessage);
        assertTrue(refusal.getResponseHeaders().firstValue("Content-Type").orElse("").startsWith("application/problem+json"),
                () -> "Content-Type " + refusal.getResponseHeaders().firstValue("Content-Type"));
        try {
            Problem problem = ApiClient.createDefaultObjectMapper().readValue(refusal.getResponseBody(), Problem.class);
            assertEquals(status, problem.getStatus());
            return problem;
        } catch (IOException e) {
            throw new UncheckedIOException("Not a problem body: " + refusal.getResponseBody(), e);
        }
    }

    private static CreateBidRequest newBid(String title, String amountRequested, String totalProjectCost) {
        return new CreateBidRequest()
                .roundId(round.getId())
                .title(title)
                .summary("Deterrent cameras on two lay-bys")
                .amountRequested(new BigDecimal(amountRequested))
                .totalProjectCost(new BigDecimal(totalProjectCost))
                .matchFunding(List.of(new MatchFunding().source("District council capital budget")
                        .amount(new BigDecimal(totalProjectCost).subtract(new BigDecimal(amountRequested)))));
    }

    private static BidDetails details(String title, String amountRequested, String totalProjectCost) {
        CreateBidRequest bid = newBid(title, amountRequested, totalProjectCost);
        return new BidDetails()
                .title(bid.getTitle())
                .summary(bid.getSummary())
                .amountRequested(bid.getAmountRequested())
                .totalProjectCost(bid.getTotalProjectCost())
                .matchFunding(bid.getMatchFunding());
    }

    private static Map<String, String> codesAndFields(List<Violation> violations) {
        return violations.stream().collect(Collectors.toMap(Violation::getCode, Violation::getField));
    }

    private static String header(ApiResponse<?> response, String name) {
        return response.getHeaders().entrySet().stream()
                .filter(header -> header.getKey().equalsIgnoreCase(name))
                .flatMap(header -> header.getValue().stream())
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + name + " header in " + response.getHeaders()));
    }

    private static String newOrganisation() {
        return "portal-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** The financial year (1 April to 31 March) a day falls in, written 2027/28. */
    private static String financialYear(LocalDate day) {
        int start = day.getMonthValue() >= 4 ? day.getYear() : day.getYear() - 1;
        return start + "/" + String.format("%02d", (start + 1) % 100);
    }
}
