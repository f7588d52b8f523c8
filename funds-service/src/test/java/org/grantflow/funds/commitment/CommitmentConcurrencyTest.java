package org.grantflow.funds.commitment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.grantflow.funds.Fixtures;
import org.grantflow.funds.fund.AdjustBudgetRequest;
import org.grantflow.funds.fund.FundService;
import org.grantflow.funds.payment.Payment;
import org.grantflow.funds.payment.PaymentService;
import org.grantflow.funds.payment.RecordPaymentRequest;
import org.grantflow.funds.problem.DomainException;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/** Many awards and budget cuts at once against one hot fund: the sums never break an invariant. */
@QuarkusTest
class CommitmentConcurrencyTest {

    @Inject
    CommitmentService commitments;

    @Inject
    FundService funds;

    @Inject
    PaymentService payments;

    @Inject
    EntityManager em;

    @Test
    void sixteenThreadsCommittingFortyAwardsAgainstOneFundNeverCommitMoreThanItsBudget() throws Exception {
        String fundId = Fixtures.createFund(Fixtures.uniqueCode(), "2016/17", "60000.00");
        AtomicInteger made = new AtomicInteger();
        List<Callable<Void>> work = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            work.add(() -> {
                if (commitments.commit(Fixtures.award(UUID.randomUUID(), fundId, "org-" + UUID.randomUUID(),
                        "2016/17", "5000.00")).committed()) {
                    made.incrementAndGet();
                }
                return null;
            });
        }
        runAll(16, work);

        assertEquals(12, made.get(), "exactly the twelve awards that fit are committed");
        assertSumsAgree(fundId, "2016/17");
        assertEquals(new BigDecimal("60000.00"), column(fundId, "2016/17", "committed"));
    }

    @Test
    void awardsRacingBudgetCutsLeaveNoFundYearOverCommitted() throws Exception {
        String fundId = Fixtures.createFund(Fixtures.uniqueCode(), "2016/17", "60000.00", "2017/18", "60000.00");
        List<Callable<Void>> work = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            work.add(() -> {
                commitments.commit(Fixtures.award(UUID.randomUUID(), fundId, "org-a", "2016/17", "2500.00",
                        "2017/18", "2500.00"));
                return null;
            });
        }
        for (int i = 0; i < 10; i++) {
            String year = i % 2 == 0 ? "2016/17" : "2017/18";
            work.add(() -> {
                try {
                    funds.adjustBudget(UUID.fromString(fundId), year,
                            new AdjustBudgetRequest(new BigDecimal("-7500.00"), "Reserve drawn down"), "finance");
                } catch (DomainException refused) {
                    assertEquals("budget-below-committed", refused.slug());
                }
                return null;
            });
        }
        runAll(16, work);

        for (String year : List.of("2016/17", "2017/18")) {
            assertSumsAgree(fundId, year);
        }
        assertEquals(column(fundId, "2016/17", "committed"), column(fundId, "2017/18", "committed"),
                "each award committed both of its years or neither");
    }

    @Test
    void hammeringOneFundWithAwardsPaymentsRepaymentsReleasesAndBudgetCutsLeavesEverySumInAgreement()
            throws Exception {
        String fundId = Fixtures.createFund(Fixtures.uniqueCode(), "2016/17", "100000.00");
        List<UUID> paid = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            paid.add(commitments.commit(Fixtures.award(UUID.randomUUID(), fundId, "org-" + i, "2016/17", "5000.00"))
                    .commitmentId());
        }
        AtomicInteger refusedAsTheRulesSay = new AtomicInteger();
        List<Callable<Void>> work = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            // batches of awards, as the consumer applies them, and single ones
            work.add(() -> {
                commitments.commitAll(List.of(
                        Fixtures.award(UUID.randomUUID(), fundId, "org-batch", "2016/17", "3000.00"),
                        Fixtures.award(UUID.randomUUID(), fundId, "org-batch", "2016/17", "4000.00"),
                        Fixtures.award(UUID.randomUUID(), fundId, "org-batch", "2016/17", "2500.00")));
                return null;
            });
            work.add(() -> {
                commitments.commit(Fixtures.award(UUID.randomUUID(), fundId, "org-single", "2016/17", "6000.00"));
                return null;
            });
        }
        for (int i = 0; i < 48; i++) {
            UUID commitmentId = paid.get(i % paid.size());
            boolean repayment = i % 6 == 5;
            work.add(() -> {
                try {
                    payments.record(commitmentId, new RecordPaymentRequest(
                            repayment ? Payment.Kind.REPAYMENT : Payment.Kind.PAYMENT,
                            new BigDecimal(repayment ? "300.00" : "900.00"), LocalDate.parse("2017-02-01"),
                            "H-" + UUID.randomUUID(), null, null, null), null, "finance");
                } catch (DomainException refused) {
                    refusedAsTheRulesSay.incrementAndGet();
                    assertTrue(List.of("over-payment", "repayment-exceeds-paid").contains(refused.slug()),
                            refused.slug());
                }
                return null;
            });
        }
        for (int i = 0; i < 8; i++) {
            UUID commitmentId = paid.get(i);
            work.add(() -> {
                try {
                    commitments.release(commitmentId, new ReleaseRequest("2016/17", new BigDecimal("1500.00"),
                            "Under budget"), "finance");
                } catch (DomainException refused) {
                    refusedAsTheRulesSay.incrementAndGet();
                    assertEquals("release-exceeds-commitment", refused.slug());
                }
                return null;
            });
            work.add(() -> {
                try {
                    funds.adjustBudget(UUID.fromString(fundId), "2016/17",
                            new AdjustBudgetRequest(new BigDecimal("-4000.00"), "Reserve drawn down"), "finance");
                } catch (DomainException refused) {
                    refusedAsTheRulesSay.incrementAndGet();
                    assertEquals("budget-below-committed", refused.slug());
                }
                return null;
            });
        }
        java.util.Collections.shuffle(work, new java.util.Random(4));
        runAll(16, work);

        assertSumsAgree(fundId, "2016/17");
        Map<String, Object> p = Map.of("fund", UUID.fromString(fundId), "year", "2016/17");
        for (String[] pair : new String[][] { { "released", "COMMITMENT_RELEASED" }, { "paid", "PAYMENT" },
                { "repaid", "REPAYMENT" } }) {
            BigDecimal balance = column(fundId, "2016/17", pair[0]);
            assertEquals(balance, sum("SELECT COALESCE(SUM(amount), 0) FROM ledger_entry WHERE fund_id = :fund "
                    + "AND financial_year = :year AND kind = '" + pair[1] + "'", p), pair[0] + " in the ledger");
            assertEquals(balance, sum("SELECT COALESCE(SUM(l." + pair[0] + "), 0) FROM commitment_line l "
                    + "JOIN commitment c ON l.commitment_id = c.id WHERE c.fund_id = :fund "
                    + "AND l.financial_year = :year", p), pair[0] + " on the commitment lines");
        }
        assertEquals(column(fundId, "2016/17", "paid"), sum("SELECT COALESCE(SUM(amount), 0) FROM payment "
                + "WHERE fund_id = :fund AND financial_year = :year AND kind = 'PAYMENT'", p), "payments");
        assertEquals(column(fundId, "2016/17", "repaid"), sum("SELECT COALESCE(SUM(amount), 0) FROM payment "
                + "WHERE fund_id = :fund AND financial_year = :year AND kind = 'REPAYMENT'", p), "repayments");
        BigDecimal held = column(fundId, "2016/17", "committed").subtract(column(fundId, "2016/17", "released"));
        BigDecimal netPaid = column(fundId, "2016/17", "paid").subtract(column(fundId, "2016/17", "repaid"));
        assertTrue(netPaid.compareTo(held) <= 0, netPaid + " paid against " + held + " committed");
        assertEquals(0, sum("SELECT CAST(count(*) AS numeric) FROM commitment_line l JOIN commitment c "
                + "ON l.commitment_id = c.id WHERE c.fund_id = :fund AND (l.paid - l.repaid > l.committed - l.released "
                + "OR l.released > l.committed)", Map.of("fund", UUID.fromString(fundId))).signum(),
                "no commitment line paid or released beyond what it holds");
        assertTrue(refusedAsTheRulesSay.get() > 0, "the hammer pushed past at least one limit");
    }

    private static void runAll(int threads, List<Callable<Void>> work) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<Void>> done = pool.invokeAll(work);
            for (Future<Void> f : done) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
    }

    /** The balance row, the ledger and the commitment lines tell the same story, within the budget. */
    private void assertSumsAgree(String fundId, String year) {
        Map<String, Object> p = Map.of("fund", UUID.fromString(fundId), "year", year);
        BigDecimal budget = column(fundId, year, "budget");
        BigDecimal committed = column(fundId, year, "committed");
        BigDecimal held = committed.subtract(column(fundId, year, "released"));
        assertTrue(held.compareTo(budget) <= 0, held + " committed (net of releases) against a budget of " + budget);
        assertEquals(budget, sum("SELECT COALESCE(SUM(amount), 0) FROM ledger_entry WHERE fund_id = :fund "
                + "AND financial_year = :year AND kind IN ('BUDGET_SET', 'BUDGET_ADJUSTED')", p));
        assertEquals(committed, sum("SELECT COALESCE(SUM(amount), 0) FROM ledger_entry WHERE fund_id = :fund "
                + "AND financial_year = :year AND kind = 'COMMITMENT_MADE'", p));
        assertEquals(committed, sum("SELECT COALESCE(SUM(l.committed), 0) FROM commitment_line l JOIN commitment c "
                + "ON l.commitment_id = c.id WHERE c.fund_id = :fund AND l.financial_year = :year", p));
    }

    private BigDecimal column(String fundId, String year, String column) {
        return sum("SELECT " + column + " FROM fund_year_balance WHERE fund_id = :fund AND financial_year = :year",
                Map.of("fund", UUID.fromString(fundId), "year", year));
    }

    private BigDecimal sum(String sql, Map<String, Object> parameters) {
        return QuarkusTransaction.requiringNew().call(() -> {
            var query = em.createNativeQuery(sql);
            parameters.forEach(query::setParameter);
            return ((BigDecimal) query.getSingleResult()).setScale(2);
        });
    }
}
