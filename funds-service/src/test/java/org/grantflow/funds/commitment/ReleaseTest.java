package org.grantflow.funds.commitment;

import static org.grantflow.funds.Fixtures.as;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.grantflow.funds.Fixtures;
import org.grantflow.funds.outbox.OutboxEvent;
import org.grantflow.infra.testing.EventContracts;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class ReleaseTest {

    @Inject
    CommitmentService commitments;

    @Inject
    Fixtures fixtures;

    @Test
    void releasingPartOfACommitmentMakesTheMoneyAvailableAgainAndAnnouncesIt() {
        String fundId = Fixtures.createFund(Fixtures.uniqueCode(), "2016/17", "60000.00");
        UUID bidId = UUID.randomUUID();
        UUID commitmentId = commitments.commit(Fixtures.award(bidId, fundId, "district-council-01",
                "2016/17", "12000.00")).commitmentId();

        as("finance").body(Map.of("financialYear", "2016/17", "amount", "1500.00",
                "reason", "Project finished under budget"))
                .post("/api/v1/commitments/" + commitmentId + "/releases").then().statusCode(200)
                .body("amount", equalTo("12000.00"))
                .body("released", equalTo("1500.00"))
                .body("remaining", equalTo("10500.00"))
                .body("years[0].remaining", equalTo("10500.00"));

        as("assessor").get("/api/v1/funds/" + fundId + "/balances").then()
                .body("[0].committed", equalTo("12000.00"))
                .body("[0].released", equalTo("1500.00"))
                .body("[0].available", equalTo("49500.00"))
                .body("[0].outstanding", equalTo("10500.00"));
        List<OutboxEvent> released = fixtures.outboxEvents("grantflow.commitment.released.v1", bidId.toString());
        assertEquals(1, released.size());
        EventContracts.assertValid(released.get(0).envelope);
    }

    @Test
    void refusesToReleaseMoreThanIsLeftOfTheCommitmentAndChangesNothing() {
        String fundId = Fixtures.createFund(Fixtures.uniqueCode(), "2016/17", "60000.00");
        UUID commitmentId = commitments.commit(Fixtures.award(UUID.randomUUID(), fundId, "district-council-01",
                "2016/17", "5000.00")).commitmentId();
        long entries = fixtures.ledgerEntries();

        as("finance").body(Map.of("financialYear", "2016/17", "amount", "5000.01", "reason", "Cancelled"))
                .post("/api/v1/commitments/" + commitmentId + "/releases").then().statusCode(422)
                .contentType("application/problem+json")
                .body("type", equalTo("https://grantflow.example/problems/release-exceeds-commitment"))
                .body("violations[0].field", equalTo("amount"));
        as("finance").body(Map.of("financialYear", "2017/18", "amount", "1.00", "reason", "Cancelled"))
                .post("/api/v1/commitments/" + commitmentId + "/releases").then().statusCode(422)
                .body("type", equalTo("https://grantflow.example/problems/not-committed-in-year"));
        as("assessor").body(Map.of("financialYear", "2016/17", "amount", "1.00", "reason", "Cancelled"))
                .post("/api/v1/commitments/" + commitmentId + "/releases").then().statusCode(403);

        assertEquals(entries, fixtures.ledgerEntries());
    }

    @Test
    void aPartnerReadsOnlyItsOwnOrganisationsCommitments() {
        String fundId = Fixtures.createFund(Fixtures.uniqueCode(), "2016/17", "60000.00");
        String own = "org-" + UUID.randomUUID();
        UUID mine = commitments.commit(Fixtures.award(UUID.randomUUID(), fundId, own, "2016/17", "5000.00"))
                .commitmentId();
        UUID theirs = commitments.commit(Fixtures.award(UUID.randomUUID(), fundId, "someone-else", "2016/17",
                "5000.00")).commitmentId();

        Fixtures.asPartner(own).get("/api/v1/commitments/" + mine).then().statusCode(200)
                .body("organisationId", equalTo(own));
        Fixtures.asPartner(own).get("/api/v1/commitments/" + theirs).then().statusCode(404)
                .contentType("application/problem+json");
        Fixtures.asPartner(own).queryParam("organisationId", "someone-else").queryParam("fundId", fundId)
                .get("/api/v1/commitments").then().statusCode(200)
                .body("total", equalTo(1))
                .body("items[0].id", equalTo(mine.toString()));
        as("finance").queryParam("fundId", fundId).get("/api/v1/commitments").then().statusCode(200)
                .body("total", equalTo(2));
        as("assessor").get("/api/v1/commitments").then().statusCode(403);
    }
}
