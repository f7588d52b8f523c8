package org.grantflow.funds.opendata;

import static org.grantflow.funds.Fixtures.as;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.inject.Inject;

import org.grantflow.funds.Fixtures;
import org.grantflow.funds.commitment.CommitmentService;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

import io.quarkus.test.junit.QuarkusTest;

/** The 360Giving export is valid against the standard's own schemas (copied into src/test/resources/standards/360giving). */
@QuarkusTest
class ThreeSixtyGivingExportTest {

    private static final String STANDARD = "https://raw.githubusercontent.com/ThreeSixtyGiving/standard/";

    @Inject
    CommitmentService commitments;

    @Test
    void exportsTheAwardsOfAFundAsAValid360GivingPackageWithCommitmentsAndDisbursements() throws Exception {
        String code = Fixtures.uniqueCode();
        String fundId = Fixtures.createFund(code, "2017/18", "850000.00", "2018/19", "850000.00");
        UUID commitmentId = commitments.commit(Fixtures.withDetails(Fixtures.award(UUID.randomUUID(), fundId,
                "csp-north", "2017/18", "30000.00", "2018/19", "25000.00"), "60000.00", "2019-03-31", "2019-03-15"))
                .commitmentId();
        commitments.commit(Fixtures.award(UUID.randomUUID(), fundId, "district-council-01", "2017/18", "5000.00"));
        Map<String, Object> payment = new HashMap<>();
        payment.put("amount", "12500.50");
        payment.put("paidOn", "2017-06-30");
        payment.put("financeReference", code + "-P1");
        as("finance").body(payment).post("/api/v1/commitments/" + commitmentId + "/payments").then().statusCode(201);

        String body = as("finance").queryParam("fundId", fundId).get("/api/v1/exports/360giving").then()
                .statusCode(200).extract().asString();

        Set<ValidationMessage> problems = packageSchema().validate(new ObjectMapper().readTree(body));
        assertEquals(Set.of(), problems, body);
        JsonNode grants = new ObjectMapper().readTree(body).get("grants");
        assertEquals(2, grants.size());
        JsonNode grant = grants.get(0).at("/recipientOrganization/0/id").asText().endsWith("csp-north")
                ? grants.get(0) : grants.get(1);
        assertTrue(grant.get("id").asText().startsWith("360G-grantflow-"), grant.toString());
        assertTrue(grant.get("amountAwarded").isNumber(), "amounts are numbers");
        assertEquals(55000, grant.get("amountAwarded").asInt());
        assertTrue(body.contains("\"amountDisbursed\":12500.50"), "pence are exact: " + body);
        assertEquals(2, grant.get("commitmentTransaction").size());
        assertEquals(1, grant.get("disbursementTransaction").size());
        assertEquals(code, grant.at("/grantProgramme/0/code").asText());
        assertEquals("2017-06-30T00:00:00+01:00", grant.at("/disbursementTransaction/0/transactionDate").asText());
        // applied, committed and disbursed
        assertEquals(60000, grant.get("amountAppliedFor").asInt());
        assertTrue(body.contains("\"amountAppliedFor\":60000.00"), "pence are exact: " + body);
        assertEquals(1, grant.get("applicationTransaction").size());
        assertEquals(60000, grant.at("/applicationTransaction/0/value").asInt());
        assertEquals(List.of(30000, 25000), List.of(grant.at("/commitmentTransaction/0/value").asInt(),
                grant.at("/commitmentTransaction/1/value").asInt()));
        assertEquals(12500.50, grant.at("/disbursementTransaction/0/value").asDouble());
        assertEquals("2019-03-15T00:00:00Z", grant.at("/plannedDates/0/endDate").asText());
        JsonNode other = grant == grants.get(0) ? grants.get(1) : grants.get(0);
        assertTrue(other.path("amountAppliedFor").isMissingNode(), "no amount applied for when the award request "
                + "did not say: " + other);
        assertTrue(other.path("applicationTransaction").isMissingNode(), other.toString());
    }

    @Test
    void refusesAPackageThatBreaksTheStandard() throws Exception {
        // The check above could not fail if the schema accepted anything: a grant without its award is refused.
        JsonNode broken = new ObjectMapper().readTree("""
                {"grants": [{"id": "360G-grantflow-x", "title": "t", "description": "d", "currency": "GBP",
                  "awardDate": "2017-01-01", "fundingOrganization": [{"id": "XI-X", "name": "Funder"}],
                  "recipientOrganization": [{"id": "XI-Y", "name": "Recipient"}],
                  "amountAppliedFor": "60000.00"}]}""");
        Set<ValidationMessage> problems = packageSchema().validate(broken);
        assertTrue(problems.stream().anyMatch(m -> m.getMessage().contains("amountAwarded")), problems.toString());
        assertTrue(problems.stream().anyMatch(m -> m.getMessage().contains("amountAppliedFor")), problems.toString());
    }

    @Test
    void letsOnlyFinanceAndAdminExport() {
        as("assessor").get("/api/v1/exports/360giving").then().statusCode(403);
    }

    /** The package schema, with the standard's online addresses read from the local copy. */
    private static JsonSchema packageSchema() {
        Path dir = standardDirectory();
        String local = dir.toUri().toString();
        JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012,
                builder -> builder.schemaMappers(mappers -> {
                    for (String version : List.of("1.4.2", "1.4.3")) {
                        mappers.mapPrefix(STANDARD + version + "/schema/", local);
                    }
                }));
        // Formats asserted too, as 360Giving's own data quality tool does.
        return factory.getSchema(
                SchemaLocation.of(dir.resolve("360-giving-package-schema.json").toUri().toString()),
                SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build());
    }

    /** The standard's schemas, copied unchanged (CC BY 4.0, see the README beside them) into the test resources. */
    private static Path standardDirectory() {
        try {
            return Path.of(ThreeSixtyGivingExportTest.class.getResource("/standards/360giving/README.md").toURI())
                    .getParent();
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
