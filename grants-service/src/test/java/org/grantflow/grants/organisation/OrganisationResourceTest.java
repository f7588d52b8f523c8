package org.grantflow.grants.organisation;

import static org.grantflow.grants.Fixtures.as;
import static org.grantflow.grants.Fixtures.asPartner;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.grantflow.grants.Fixtures;
import org.grantflow.grants.outbox.OutboxRelay;
import org.grantflow.infra.testing.EventContracts;
import org.grantflow.infra.testing.MutableClock;
import org.grantflow.infra.testing.TestKafka;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

@QuarkusTest
class OrganisationResourceTest {

    @Inject
    OutboxRelay relay;
    @Inject
    Fixtures fixtures;
    @Inject
    MutableClock clock;

    @BeforeEach
    void autumn2016() {
        clock.set(Instant.parse("2016-10-03T08:00:00Z"));
    }

    @Test
    void anAdministratorRegistersAnOrganisationThatItsPartnerCanRead() {
        String id = "district-" + UUID.randomUUID().toString().substring(0, 8);
        as("admin").body(organisation(id, "A District Council")).post("/api/v1/organisations").then()
                .statusCode(201).header("ETag", equalTo("\"0\""))
                .body("type", equalTo("DISTRICT_OR_BOROUGH_COUNCIL"))
                .body("postcode", equalTo("RH4 1DN"))
                .body("memberships", contains("Fly Tipping Group"));
        asPartner(id).get("/api/v1/organisations/" + id).then().statusCode(200).body("name",
                equalTo("A District Council"));
        asPartner("someone-else").get("/api/v1/organisations/" + id).then().statusCode(404);
        as("assessor").get("/api/v1/organisations?type=DISTRICT_OR_BOROUGH_COUNCIL&size=200").then().statusCode(200)
                .body("items.id", hasItem(id));
    }

    @Test
    void onlyAnAdministratorRegistersOrganisations() {
        asPartner("x").body(organisation("x-" + UUID.randomUUID().toString().substring(0, 8), "X"))
                .post("/api/v1/organisations").then().statusCode(403);
    }

    @Test
    void refusesAnIdAlreadyRegistered() {
        String id = "borough-" + UUID.randomUUID().toString().substring(0, 8);
        as("admin").body(organisation(id, "A Borough Council")).post("/api/v1/organisations").then().statusCode(201);
        as("admin").body(organisation(id, "Another")).post("/api/v1/organisations").then().statusCode(409)
                .body("type", equalTo("https://grantflow.example/problems/organisation-id-taken"));
    }

    @Test
    void aRetriedRegistrationWithTheSameKeyAnswersTheFirst() {
        String id = "csp-" + UUID.randomUUID().toString().substring(0, 8);
        String key = UUID.randomUUID().toString();
        as("admin").header("Idempotency-Key", key).body(organisation(id, "A Partnership"))
                .post("/api/v1/organisations").then().statusCode(201);
        as("admin").header("Idempotency-Key", key).body(organisation(id, "A Partnership"))
                .post("/api/v1/organisations").then().statusCode(201).body("id", equalTo(id));
    }

    @Test
    void updatesAnOrganisationOnlyFromItsCurrentVersion() {
        String id = "county-" + UUID.randomUUID().toString().substring(0, 8);
        as("admin").body(organisation(id, "The County Council")).post("/api/v1/organisations").then().statusCode(201);
        Map<String, Object> changed = new HashMap<>(organisation(id, "The County Council"));
        changed.remove("id");
        changed.put("memberships", List.of());
        as("admin").header("If-Match", "\"0\"").body(changed).put("/api/v1/organisations/" + id).then()
                .statusCode(200).header("ETag", equalTo("\"1\"")).body("memberships", equalTo(List.of()));
        as("admin").header("If-Match", "\"0\"").body(changed).put("/api/v1/organisations/" + id).then()
                .statusCode(409).body("type", equalTo("https://grantflow.example/problems/stale-version"));
        as("admin").body(changed).put("/api/v1/organisations/" + id).then().statusCode(428);
    }

    @Test
    void onlyMembersOfTheFlyTippingGroupMayBidAndEventsNameTheApplicant() {
        String member = "district-" + UUID.randomUUID().toString().substring(0, 8);
        String outsider = "charity-" + UUID.randomUUID().toString().substring(0, 8);
        as("admin").body(organisation(member, "A District Council")).post("/api/v1/organisations").then()
                .statusCode(201);
        Map<String, Object> charity = new HashMap<>(organisation(outsider, "Keep It Tidy"));
        charity.put("type", "CHARITY");
        charity.put("memberships", List.of());
        as("admin").body(charity).post("/api/v1/organisations").then().statusCode(201);
        String round = Fixtures.round(fixtures.fund("Fly-Tipping Fund"), Map.of("name", "Fly-Tipping Fund 2016/17",
                "financialYear", "2016/17", "closesAt", "2016-11-18T17:00:00",
                "rules", Map.of("eligibleGroups", List.of("Fly Tipping Group"))));
        Map<String, Object> bid = Map.of("roundId", round, "title", "Cameras", "amountRequested", "12000.00");

        String ok = asPartner(member).body(bid).post("/api/v1/bids").then().statusCode(201).extract().path("id");
        asPartner(member).post("/api/v1/bids/" + ok + "/submit").then().statusCode(200);
        String refused = asPartner(outsider).body(bid).post("/api/v1/bids").then().statusCode(201).extract()
                .path("id");
        asPartner(outsider).post("/api/v1/bids/" + refused + "/submit").then().statusCode(422)
                .body("violations[0].message", equalTo(
                        "Only members of the Fly Tipping Group may bid in this round; Keep It Tidy is not one"));

        relay.relay();
        ConsumerRecord<String, String> event = TestKafka.find("grants.bid.events",
                r -> r.key().equals(ok) && r.value().contains("grantflow.bid.submitted.v1"), Duration.ofSeconds(30))
                .orElseThrow();
        EventContracts.assertValid(event.value());
        assertEquals("A District Council", JsonPath.from(event.value()).getString("data.organisationName"));
        assertEquals(List.of("community.safety@" + member + ".example"),
                JsonPath.from(event.value()).getList("data.contactEmails"));
    }

    private static Map<String, Object> organisation(String id, String name) {
        Map<String, Object> body = new HashMap<>();
        body.put("id", id);
        body.put("name", name);
        body.put("type", "DISTRICT_OR_BOROUGH_COUNCIL");
        body.put("postcode", "rh4 1dn");
        body.put("contactEmails", List.of("community.safety@" + id + ".example"));
        body.put("memberships", List.of("Fly Tipping Group"));
        return body;
    }
}
