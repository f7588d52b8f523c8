package org.grantflow.funds.payment;

import static org.grantflow.funds.Fixtures.as;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.inject.Inject;

import org.grantflow.funds.Fixtures;
import org.grantflow.funds.commitment.CommitmentService;
import org.grantflow.funds.outbox.OutboxEvent;
import org.grantflow.funds.problem.DomainException;
import org.grantflow.infra.testing.EventContracts;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class PaymentTest {

    @Inject
    CommitmentService commitments;

    @Inject
    PaymentService payments;

    @Inject
    Fixtures fixtures;

    private static Map<String, Object> payment(String amount, String reference) {
        Map<String, Object> body = new HashMap<>();
        body.put("amount", amount);
        body.put("paidOn", "2017-01-16");
        body.put("financeReference", reference);
        body.put("invoiceReference", "INV-7781");
        body.put("timing", "ARREARS");
        return body;
    }

    private UUID commitment(String fundId, String organisationId, String amount) {
        return commitments.commit(Fixtures.award(UUID.randomUUID(), fundId, organisationId, "2016/17", amount))
                .commitmentId();
    }

    private static String reference() {
        return "FIN-" + UUID.randomUUID();
    }

    @Test
    void recordsAPaymentAndARepaymentAndTheBalancesFollow() {
        String fundId = Fixtures.createFund(Fixtures.uniqueCode(), "2016/17", "60000.00");
        UUID commitmentId = commitment(fundId, "district-council-01", "12000.00");

        String id = as("finance").body(payment("4000.00", reference()))
                .post("/api/v1/commitments/" + commitmentId + "/payments").then().statusCode(201)
                .body("kind", equalTo("PAYMENT"))
                .body("financialYear", equalTo("2016/17"))
                .body("paidOn", equalTo("2017-01-16"))
                .body("timing", equalTo("ARREARS"))
                .extract().path("id");
        Map<String, Object> repayment = payment("500.00", reference());
        repayment.put("kind", "REPAYMENT");
        repayment.remove("timing");
        as("finance").body(repayment).post("/api/v1/commitments/" + commitmentId + "/payments").then()
                .statusCode(201).body("kind", equalTo("REPAYMENT"));

        as("finance").get("/api/v1/funds/" + fundId + "/balances").then()
                .body("[0].paid", equalTo("4000.00"))
                .body("[0].repaid", equalTo("500.00"))
                .body("[0].available", equalTo("48000.00"))
                .body("[0].outstanding", equalTo("8500.00"));
        as("finance").get("/api/v1/commitments/" + commitmentId).then()
                .body("paid", equalTo("3500.00")).body("remaining", equalTo("8500.00"));
        as("finance").get("/api/v1/payments/" + id).then().statusCode(200).body("amount", equalTo("4000.00"));
        List<OutboxEvent> events = fixtures.outboxEvents(PaymentService.RECORDED,
                fixtures.commitmentBid(commitmentId).toString());
        assertEquals(2, events.size());
        events.forEach(e -> EventContracts.assertValid(e.envelope));
    }

    @Test
    void recordsAPaymentDatedAfterTheSpendByDateButFlagsItAndNeverARepayment() throws Exception {
        String fundId = Fixtures.createFund(Fixtures.uniqueCode(), "2016/17", "60000.00");
        UUID commitmentId = commitments.commit(Fixtures.withDetails(Fixtures.award(UUID.randomUUID(), fundId,
                "district-council-01", "2016/17", "12000.00"), "15000.00", "2017-03-31", "2017-03-17")).commitmentId();
        as("finance").get("/api/v1/commitments/" + commitmentId).then()
                .body("spendBy", equalTo("2017-03-31"))
                .body("projectEndDate", equalTo("2017-03-17"))
                .body("amountRequested", equalTo("15000.00"));

        Map<String, Object> onTheDay = payment("4000.00", reference());
        onTheDay.put("paidOn", "2017-03-31");
        as("finance").body(onTheDay).post("/api/v1/commitments/" + commitmentId + "/payments").then()
                .statusCode(201).body("afterSpendBy", equalTo(false));
        Map<String, Object> late = payment("1000.00", reference());
        late.put("paidOn", "2017-04-03");
        late.put("financialYear", "2016/17");
        String lateId = as("finance").body(late).post("/api/v1/commitments/" + commitmentId + "/payments").then()
                .statusCode(201).body("afterSpendBy", equalTo(true)).body("financialYear", equalTo("2016/17"))
                .extract().path("id");
        Map<String, Object> repayment = payment("500.00", reference());
        repayment.put("kind", "REPAYMENT");
        repayment.put("paidOn", "2017-04-20");
        repayment.put("financialYear", "2016/17");
        as("finance").body(repayment).post("/api/v1/commitments/" + commitmentId + "/payments").then()
                .statusCode(201).body("afterSpendBy", equalTo(false));

        as("finance").get("/api/v1/payments/" + lateId).then().body("afterSpendBy", equalTo(true));
        List<OutboxEvent> events = fixtures.outboxEvents(PaymentService.RECORDED,
                fixtures.commitmentBid(commitmentId).toString());
        assertEquals(3, events.size());
        List<Boolean> flags = new ArrayList<>();
        for (OutboxEvent event : events) {
            EventContracts.assertValid(event.envelope);
            var data = new com.fasterxml.jackson.databind.ObjectMapper().readTree(event.envelope).get("data");
            assertEquals("2017-03-31", data.get("spendBy").asText());
            flags.add(data.get("afterSpendBy").asBoolean());
        }
        assertEquals(List.of(false, true, false), flags);
        as("finance").get("/api/v1/funds/" + fundId + "/balances").then()
                .body("[0].paid", equalTo("5000.00")).body("[0].repaid", equalTo("500.00"));
    }

    @Test
    void refusesAnOverPaymentWithProblemDetailsAndRecordsNothing() {
        String fundId = Fixtures.createFund(Fixtures.uniqueCode(), "2016/17", "60000.00");
        UUID commitmentId = commitment(fundId, "district-council-01", "5000.00");
        as("finance").body(payment("3000.00", reference()))
                .post("/api/v1/commitments/" + commitmentId + "/payments").then().statusCode(201);
        long entries = fixtures.ledgerEntries();

        as("finance").body(payment("2000.01", reference()))
                .post("/api/v1/commitments/" + commitmentId + "/payments").then().statusCode(422)
                .contentType("application/problem+json")
                .body("type", equalTo("https://grantflow.example/problems/over-payment"))
                .body("violations[0].field", equalTo("amount"))
                .body("violations[0].message", equalTo("Only £2,000.00 of the commitment in 2016/17 is left to pay; "
                        + "the payment is £2,000.01"));
        Map<String, Object> repayment = payment("3000.01", reference());
        repayment.put("kind", "REPAYMENT");
        as("finance").body(repayment).post("/api/v1/commitments/" + commitmentId + "/payments").then()
                .statusCode(422).body("type", equalTo("https://grantflow.example/problems/repayment-exceeds-paid"));
        Map<String, Object> wrongYear = payment("1.00", reference());
        wrongYear.put("paidOn", "2017-04-01");
        as("finance").body(wrongYear).post("/api/v1/commitments/" + commitmentId + "/payments").then()
                .statusCode(422).body("type", equalTo("https://grantflow.example/problems/not-committed-in-year"));

        assertEquals(entries, fixtures.ledgerEntries());
    }

    @Test
    void aRetriedPaymentWithTheSameIdempotencyKeyIsRecordedOnce() {
        String fundId = Fixtures.createFund(Fixtures.uniqueCode(), "2016/17", "60000.00");
        UUID commitmentId = commitment(fundId, "district-council-01", "5000.00");
        String key = UUID.randomUUID().toString();
        Map<String, Object> body = payment("1000.00", reference());

        String first = as("finance").header("Idempotency-Key", key).body(body)
                .post("/api/v1/commitments/" + commitmentId + "/payments").then().statusCode(201)
                .extract().path("id");
        long entries = fixtures.ledgerEntries();
        as("finance").header("Idempotency-Key", key).body(body)
                .post("/api/v1/commitments/" + commitmentId + "/payments").then().statusCode(201)
                .body("id", equalTo(first));
        assertEquals(entries, fixtures.ledgerEntries());

        as("finance").header("Idempotency-Key", key).body(payment("999.00", reference()))
                .post("/api/v1/commitments/" + commitmentId + "/payments").then().statusCode(422)
                .body("type", equalTo("https://grantflow.example/problems/idempotency-key-reused"));
        as("finance").queryParam("commitmentId", commitmentId).get("/api/v1/payments").then()
                .body("total", equalTo(1));
    }

    @Test
    void refusesASecondPaymentWithTheSameFinanceReference() {
        String fundId = Fixtures.createFund(Fixtures.uniqueCode(), "2016/17", "60000.00");
        UUID commitmentId = commitment(fundId, "district-council-01", "5000.00");
        String reference = reference();
        as("finance").body(payment("10.00", reference)).post("/api/v1/commitments/" + commitmentId + "/payments")
                .then().statusCode(201);
        as("finance").body(payment("10.00", reference)).post("/api/v1/commitments/" + commitmentId + "/payments")
                .then().statusCode(409).body("type", equalTo("https://grantflow.example/problems/finance-reference-taken"));
    }

    @Test
    void concurrentPaymentsNeverPayMoreThanIsCommitted() throws Exception {
        String fundId = Fixtures.createFund(Fixtures.uniqueCode(), "2016/17", "60000.00");
        UUID commitmentId = commitment(fundId, "district-council-01", "10000.00");
        List<Callable<Boolean>> work = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            work.add(() -> {
                try {
                    payments.record(commitmentId, new RecordPaymentRequest(null, new BigDecimal("1000.00"),
                            java.time.LocalDate.parse("2017-02-01"), reference(), null, null, null), null, "finance");
                    return true;
                } catch (DomainException refused) {
                    assertEquals("over-payment", refused.slug());
                    return false;
                }
            });
        }
        ExecutorService pool = Executors.newFixedThreadPool(12);
        int paid = 0;
        try {
            for (Future<Boolean> f : pool.invokeAll(work)) {
                paid += f.get() ? 1 : 0;
            }
        } finally {
            pool.shutdown();
        }
        assertEquals(10, paid);
        as("finance").get("/api/v1/funds/" + fundId + "/balances").then()
                .body("[0].paid", equalTo("10000.00")).body("[0].outstanding", equalTo("0.00"));
    }

    @Test
    void aPartnerReadsOnlyItsOwnOrganisationsPaymentsAndCannotRecordOne() {
        String fundId = Fixtures.createFund(Fixtures.uniqueCode(), "2016/17", "60000.00");
        String own = "org-" + UUID.randomUUID();
        UUID mine = commitment(fundId, own, "5000.00");
        UUID theirs = commitment(fundId, "someone-else", "5000.00");
        String myPayment = as("finance").body(payment("10.00", reference()))
                .post("/api/v1/commitments/" + mine + "/payments").then().statusCode(201).extract().path("id");
        String theirPayment = as("finance").body(payment("10.00", reference()))
                .post("/api/v1/commitments/" + theirs + "/payments").then().statusCode(201).extract().path("id");

        Fixtures.asPartner(own).get("/api/v1/payments/" + myPayment).then().statusCode(200);
        Fixtures.asPartner(own).get("/api/v1/payments/" + theirPayment).then().statusCode(404);
        Fixtures.asPartner(own).queryParam("fundId", fundId).get("/api/v1/payments").then()
                .body("total", equalTo(1)).body("items[0].id", equalTo(myPayment));
        Fixtures.asPartner(own).body(payment("10.00", reference()))
                .post("/api/v1/commitments/" + mine + "/payments").then().statusCode(403);
    }
}
