package org.grantflow.funds.fund;

import static org.grantflow.funds.Fixtures.as;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;

import org.grantflow.funds.Fixtures;
import org.grantflow.funds.commitment.CommitmentService;
import org.grantflow.funds.ledger.Constraints;
import org.grantflow.funds.outbox.OutboxEvent;
import org.grantflow.infra.testing.EventContracts;
import org.grantflow.infra.testing.MutableClock;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class BudgetTest {

    @Inject
    Fixtures fixtures;

    @Inject
    CommitmentService commitments;

    @Inject
    EntityManager em;

    @Inject
    ObjectMapper json;

    @Inject
    MutableClock clock;

    @Test
    void setsAndAdjustsAYearsBudgetRecordingEveryChangeAsALedgerEntryWithWhoAndWhy() throws Exception {
        String fundId = Fixtures.createFund(Fixtures.uniqueCode(), "2019/20", "750000.00");

        clock.advance(java.time.Duration.ofMinutes(1));
        as("finance").body(Map.of("amount", "800000.00", "reason", "Surplus from speed-awareness courses"))
                .put("/api/v1/funds/" + fundId + "/budgets/2019/20").then().statusCode(200)
                .body("financialYear", equalTo("2019/20"))
                .body("budget", equalTo("800000.00"))
                .body("available", equalTo("800000.00"));
        clock.advance(java.time.Duration.ofMinutes(1));
        as("admin").body(Map.of("change", "-50000.50", "reason", "Reserve drawn down"))
                .post("/api/v1/funds/" + fundId + "/budgets/2019-20").then().statusCode(200)
                .body("budget", equalTo("749999.50"));
        clock.advance(java.time.Duration.ofMinutes(1));
        as("finance").body(Map.of("amount", "100000.00", "reason", "Second year agreed"))
                .put("/api/v1/funds/" + fundId + "/budgets/2020-21").then().statusCode(200);

        as("assessor").get("/api/v1/funds/" + fundId + "/balances").then().statusCode(200)
                .body("financialYear", equalTo(List.of("2019/20", "2020/21")))
                .body("budget", equalTo(List.of("749999.50", "100000.00")));
        as("finance").get("/api/v1/funds/" + fundId).then()
                .body("budgets.amount", equalTo(List.of("749999.50", "100000.00")));

        List<Object[]> entries = QuarkusTransaction.requiringNew().call(() -> em.createQuery("""
                SELECT e.kind, e.amount, e.recordedBy, e.reason FROM LedgerEntry e
                WHERE e.fundId = :fund ORDER BY e.recordedAt""", Object[].class)
                .setParameter("fund", UUID.fromString(fundId)).getResultList());
        assertEquals(4, entries.size());
        assertEquals("BUDGET_SET", entries.get(1)[0].toString());
        assertEquals("50000.00", entries.get(1)[1].toString(), "a set records the difference");
        assertEquals("Surplus from speed-awareness courses", entries.get(1)[3]);
        assertEquals("BUDGET_ADJUSTED", entries.get(2)[0].toString());
        assertEquals("-50000.50", entries.get(2)[1].toString());

        List<OutboxEvent> events = fixtures.outboxEvents("grantflow.fund.budget-set.v1", fundId);
        assertEquals(3, events.size());
        events.forEach(e -> EventContracts.assertValid(e.envelope));
        assertEquals("749999.50", json.readTree(events.get(1).envelope).at("/data/budget").asText());
    }

    @Test
    void refusesToLowerABudgetBelowWhatIsCommittedAndWritesNothing() {
        String fundId = Fixtures.createFund(Fixtures.uniqueCode(), "2016/17", "60000.00");
        commitments.commit(Fixtures.award(UUID.randomUUID(), fundId, "district-council-01", "2016/17", "45000.00"));
        long entries = fixtures.ledgerEntries();

        as("finance").body(Map.of("amount", "44999.99", "reason", "Cut"))
                .put("/api/v1/funds/" + fundId + "/budgets/2016/17").then().statusCode(422)
                .contentType("application/problem+json")
                .body("type", equalTo("https://grantflow.example/problems/budget-below-committed"))
                .body("violations[0].field", equalTo("amount"))
                .body("violations[0].message",
                        equalTo("The 2016/17 budget cannot go below the £45,000.00 already committed"));
        as("finance").body(Map.of("change", "-15000.01", "reason", "Cut"))
                .post("/api/v1/funds/" + fundId + "/budgets/2016/17").then().statusCode(422)
                .body("violations[0].field", equalTo("change"));
        as("finance").body(Map.of("amount", "45000.00", "reason", "Cut to what is committed"))
                .put("/api/v1/funds/" + fundId + "/budgets/2016/17").then().statusCode(200)
                .body("available", equalTo("0.00"));

        assertEquals(entries + 1, fixtures.ledgerEntries());
    }

    @Test
    void theDatabaseItselfRefusesABalanceThatWouldOverCommitAFundYear() {
        String fundId = Fixtures.createFund(Fixtures.uniqueCode(), "2016/17", "60000.00");
        PersistenceException refused = assertThrows(PersistenceException.class,
                () -> QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                        "UPDATE fund_year_balance SET committed = 60000.01 WHERE fund_id = :fund")
                        .setParameter("fund", UUID.fromString(fundId)).executeUpdate()));
        assertTrue(Constraints.violated(refused, "balance_within_budget"), refused.toString());
    }

    @Test
    void refusesABudgetChangeWithoutAReasonOrForAYearThatIsNoFinancialYear() {
        String fundId = Fixtures.createFund(Fixtures.uniqueCode(), "2016/17", "60000.00");
        as("finance").body(Map.of("amount", "1.00"))
                .put("/api/v1/funds/" + fundId + "/budgets/2016/17").then().statusCode(400)
                .body("violations.field", org.hamcrest.Matchers.hasItem("reason"));
        as("finance").body(Map.of("amount", "1.00", "reason", "x"))
                .put("/api/v1/funds/" + fundId + "/budgets/2016/18").then().statusCode(422)
                .body("type", equalTo("https://grantflow.example/problems/invalid-financial-year"));
        as("finance").body(Map.of("amount", "-1.00", "reason", "x"))
                .put("/api/v1/funds/" + fundId + "/budgets/2016/17").then().statusCode(400);
    }

    @Test
    void letsOnlyFinanceAndAdminChangeBudgetsAndAnswers404ForAnUnknownFund() {
        String fundId = Fixtures.createFund(Fixtures.uniqueCode(), "2016/17", "60000.00");
        as("assessor").body(Map.of("amount", "1.00", "reason", "x"))
                .put("/api/v1/funds/" + fundId + "/budgets/2016/17").then().statusCode(403);
        Fixtures.asPartner("org-a").get("/api/v1/funds/" + fundId + "/balances").then().statusCode(403);
        as("finance").body(Map.of("amount", "1.00", "reason", "x"))
                .put("/api/v1/funds/" + UUID.randomUUID() + "/budgets/2016/17").then().statusCode(404);
        as("finance").get("/api/v1/funds/" + UUID.randomUUID() + "/balances").then().statusCode(404);
    }

    @Test
    void announcesALowBalanceOnceWhenAvailableMoneyFallsUnderTenPerCentOfTheBudget() {
        String fundId = Fixtures.createFund(Fixtures.uniqueCode(), "2016/17", "60000.00");
        commitments.commit(Fixtures.award(UUID.randomUUID(), fundId, "a", "2016/17", "54000.00"));
        assertEquals(0, fixtures.outboxEvents("grantflow.fund.balance-low.v1", fundId).size(), "exactly 10% is not low");
        commitments.commit(Fixtures.award(UUID.randomUUID(), fundId, "b", "2016/17", "0.01"));
        commitments.commit(Fixtures.award(UUID.randomUUID(), fundId, "c", "2016/17", "1000.00"));

        List<OutboxEvent> low = fixtures.outboxEvents("grantflow.fund.balance-low.v1", fundId);
        assertEquals(1, low.size());
        EventContracts.assertValid(low.get(0).envelope);
        assertTrue(low.get(0).envelope.contains("\"available\":\"5999.99\""), low.get(0).envelope);
    }
}
