package org.grantflow.funds.reconciliation;

import static org.grantflow.funds.Fixtures.as;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.grantflow.funds.Fixtures;
import org.grantflow.funds.commitment.CommitmentService;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/** A prepared fund-year with awards, payments, a repayment and a release, reconciled and matched. */
@QuarkusTest
class ReconciliationTest {

    @Inject
    CommitmentService commitments;

    @Inject
    Fixtures fixtures;

    private record Prepared(String fundId, String code, UUID first, UUID second, String prefix) {
    }

    private Prepared prepare() {
        String code = Fixtures.uniqueCode();
        String fundId = Fixtures.createFund(code, "2016/17", "60000.00");
        UUID first = commitments.commit(Fixtures.award(UUID.randomUUID(), fundId, "district-council-01",
                "2016/17", "12000.00")).commitmentId();
        UUID second = commitments.commit(Fixtures.award(UUID.randomUUID(), fundId, "district-council-02",
                "2016/17", "8000.00")).commitmentId();
        commitments.commit(Fixtures.award(UUID.randomUUID(), fundId, "district-council-03", "2016/17", "5000.00"));
        String prefix = code + "-";
        pay(first, "PAYMENT", "4000.00", "2017-01-16", prefix + "1");
        pay(first, "PAYMENT", "2000.00", "2017-02-20", prefix + "2");
        pay(first, "REPAYMENT", "500.00", "2017-03-01", prefix + "3");
        pay(second, "PAYMENT", "3000.00", "2017-02-10", prefix + "4");
        pay(second, "PAYMENT", "1000.00", "2017-03-15", prefix + "5");
        as("finance").body(Map.of("financialYear", "2016/17", "amount", "1000.00", "reason", "Under budget"))
                .post("/api/v1/commitments/" + second + "/releases").then().statusCode(200);
        return new Prepared(fundId, code, first, second, prefix);
    }

    private static void pay(UUID commitmentId, String kind, String amount, String date, String reference) {
        pay(commitmentId, kind, amount, date, reference, null);
    }

    private static void pay(UUID commitmentId, String kind, String amount, String date, String reference,
            String financialYear) {
        Map<String, Object> body = new HashMap<>();
        body.put("financialYear", financialYear);
        body.put("kind", kind);
        body.put("amount", amount);
        body.put("paidOn", date);
        body.put("financeReference", reference);
        as("finance").body(body).post("/api/v1/commitments/" + commitmentId + "/payments").then().statusCode(201);
    }

    @Test
    void reportsTheFundYearTotalsAndEachAwardsAwardedPaidRemainingAndLastPayment() {
        Prepared p = prepare();
        as("finance").queryParam("fund", p.fundId()).queryParam("financialYear", "2016/17")
                .get("/api/v1/reconciliation").then().statusCode(200)
                .body("fundCode", equalTo(p.code()))
                .body("budget", equalTo("60000.00"))
                .body("committed", equalTo("25000.00"))
                .body("released", equalTo("1000.00"))
                .body("paid", equalTo("9500.00"))
                .body("available", equalTo("36000.00"))
                .body("outstanding", equalTo("14500.00"))
                .body("awards.organisationId",
                        equalTo(List.of("district-council-01", "district-council-02", "district-council-03")))
                .body("awards.awarded", equalTo(List.of("12000.00", "7000.00", "5000.00")))
                .body("awards.paid", equalTo(List.of("5500.00", "4000.00", "0.00")))
                .body("awards.remaining", equalTo(List.of("6500.00", "3000.00", "5000.00")))
                .body("awards.lastPaymentOn", equalTo(java.util.Arrays.asList("2017-02-20", "2017-03-15", null)));
    }

    @Test
    void givesTheSameReportAsCsvForSpreadsheets() {
        Prepared p = prepare();
        String csv = as("finance").accept("text/csv").queryParam("fund", p.fundId())
                .queryParam("financialYear", "2016/17")
                .get("/api/v1/reconciliation").then().statusCode(200).contentType("text/csv")
                .extract().asString();
        List<String> lines = csv.lines().toList();
        assertEquals("fund_code,financial_year,commitment_id,bid_id,organisation_id,organisation_name,title,"
                + "awarded,paid,remaining,last_payment_on,spend_by,paid_after_spend_by,after_spend_by", lines.get(0));
        assertEquals(5, lines.size());
        String first = lines.get(1);
        assertEquals(p.code() + ",2016/17," + p.first(), first.substring(0, first.indexOf(',', first.indexOf(',',
                p.code().length() + 1) + 1)));
        assertEquals(List.of("12000.00", "5500.00", "6500.00", "2017-02-20"),
                List.of(first.split(",")).subList(7, 11));
        assertEquals(p.code() + ",2016/17,TOTAL,,,,,24000.00,9500.00,14500.00,,,0.00,false", lines.get(4));
    }

    @Test
    void flagsWhatWasPaidAfterTheSpendByDateInTheReportAndItsCsv() {
        String code = Fixtures.uniqueCode();
        String fundId = Fixtures.createFund(code, "2016/17", "60000.00");
        UUID late = commitments.commit(Fixtures.withDetails(Fixtures.award(UUID.randomUUID(), fundId,
                "district-council-01", "2016/17", "10000.00"), null, "2017-03-31", null)).commitmentId();
        UUID onTime = commitments.commit(Fixtures.withDetails(Fixtures.award(UUID.randomUUID(), fundId,
                "district-council-02", "2016/17", "5000.00"), null, "2017-03-31", null)).commitmentId();
        UUID noSpendBy = commitments.commit(Fixtures.award(UUID.randomUUID(), fundId, "district-council-03",
                "2016/17", "5000.00")).commitmentId();
        pay(late, "PAYMENT", "3000.00", "2017-03-30", code + "-1");
        pay(late, "PAYMENT", "2000.00", "2017-04-10", code + "-2", "2016/17");
        pay(late, "REPAYMENT", "250.00", "2017-04-20", code + "-3", "2016/17");
        pay(onTime, "PAYMENT", "1000.00", "2017-03-31", code + "-4");
        pay(noSpendBy, "PAYMENT", "1000.00", "2017-04-10", code + "-5", "2016/17");

        as("finance").queryParam("fund", fundId).queryParam("financialYear", "2016/17")
                .get("/api/v1/reconciliation").then().statusCode(200)
                .body("awards.spendBy", equalTo(java.util.Arrays.asList("2017-03-31", "2017-03-31", null)))
                .body("awards.paidAfterSpendBy", equalTo(List.of("2000.00", "0.00", "0.00")))
                .body("awards.afterSpendBy", equalTo(List.of(true, false, false)))
                .body("awards.paid", equalTo(List.of("4750.00", "1000.00", "1000.00")))
                .body("awards.lastPaymentOn", equalTo(List.of("2017-04-10", "2017-03-31", "2017-04-10")));
        List<List<String>> csv = CsvReader.records(as("finance").accept("text/csv").queryParam("fund", fundId)
                .queryParam("financialYear", "2016/17").get("/api/v1/reconciliation").then().statusCode(200)
                .extract().asString());
        assertEquals(List.of("2017-03-31", "2000.00", "true"), csv.get(1).subList(11, 14));
        assertEquals(List.of("2017-03-31", "0.00", "false"), csv.get(2).subList(11, 14));
        assertEquals(List.of("", "0.00", "false"), csv.get(3).subList(11, 14));
        assertEquals(List.of("TOTAL", "2000.00", "true"), List.of(csv.get(4).get(2), csv.get(4).get(12),
                csv.get(4).get(13)));
    }

    @Test
    void writesCsvThatASpreadsheetReadsBackFieldForFieldWithoutRunningFormulas() {
        String code = Fixtures.uniqueCode();
        String fundId = Fixtures.createFund(code, "2016/17", "60000.00");
        commitments.commit(Fixtures.named(Fixtures.award(UUID.randomUUID(), fundId, "org-a", "2016/17", "5000.00"),
                "Smith, Jones & \"Partners\"", "=HYPERLINK(\"http://example.invalid\",\"click\")"));
        UUID second = commitments.commit(Fixtures.named(Fixtures.award(UUID.randomUUID(), fundId, "org-b", "2016/17",
                "7000.00"), "Line\nbreak Trust", "@SUM(A1:A9)")).commitmentId();
        pay(second, "PAYMENT", "1234.56", "2017-02-01", code + "-1");

        String body = as("finance").accept("text/csv").queryParam("fund", fundId)
                .queryParam("financialYear", "2016/17").get("/api/v1/reconciliation").then().statusCode(200)
                .contentType("text/csv").extract().asString();
        List<List<String>> records = CsvReader.records(body);

        assertEquals(4, records.size(), body);
        records.forEach(r -> assertEquals(14, r.size(), "every record has every column: " + r));
        assertEquals("Smith, Jones & \"Partners\"", records.get(1).get(5));
        assertEquals("'=HYPERLINK(\"http://example.invalid\",\"click\")", records.get(1).get(6));
        assertEquals("Line\nbreak Trust", records.get(2).get(5));
        assertEquals("'@SUM(A1:A9)", records.get(2).get(6));
        // The TOTAL line adds up the award lines, column by column.
        for (int column = 7; column <= 9; column++) {
            java.math.BigDecimal sum = java.math.BigDecimal.ZERO;
            for (List<String> record : records.subList(1, 3)) {
                sum = sum.add(new java.math.BigDecimal(record.get(column)));
            }
            assertEquals(sum.toPlainString(), records.get(3).get(column), "column " + records.get(0).get(column));
        }
        assertEquals(List.of("12000.00", "1234.56", "10765.44"), records.get(3).subList(7, 10));
    }

    @Test
    void matchesStatementLinesThatNameTheFundByItsCostCentre() {
        Prepared p = prepare();
        String costCentre = Fixtures.uniqueCode();
        as("finance").body(Map.of("name", "Fly-Tipping Fund", "fundingSource", "RESERVES", "ringFenced", false,
                "costCentreCode", costCentre)).put("/api/v1/funds/" + p.fundId()).then().statusCode(200);
        String statement = "Date,Cost Centre,Reference,Amount,Narrative\r\n"
                + "16/01/2017," + costCentre + "," + p.prefix() + "1,\"£4,000.00\",Grant\r\n"
                + "2017-02-20," + p.code() + "," + p.prefix() + "2,2000.00,Grant\r\n"
                + "2017-03-01," + costCentre + "," + p.prefix() + "3,-500.00,Repaid\r\n";
        as("finance").contentType("text/csv; charset=UTF-8").body(statement).post("/api/v1/reconciliation/statements").then()
                .statusCode(200)
                .body("matched.reference", equalTo(List.of(p.prefix() + "1", p.prefix() + "2", p.prefix() + "3")))
                .body("matched.fundCode", equalTo(List.of(p.code(), p.code(), p.code())))
                .body("onlyInGrantflow.reference", equalTo(List.of(p.prefix() + "4")));
    }

    @Test
    void matchesReferencesThatHoldCommasAndQuotes() {
        String code = Fixtures.uniqueCode();
        String fundId = Fixtures.createFund(code, "2016/17", "60000.00");
        UUID commitmentId = commitments.commit(Fixtures.award(UUID.randomUUID(), fundId, "district-council-01",
                "2016/17", "5000.00")).commitmentId();
        String odd = code + "/\"A\",1";
        pay(commitmentId, "PAYMENT", "100.00", "2017-01-16", odd);
        String statement = "date,reference,amount,fund_code\n"
                + "2017-01-16,\"" + odd.replace("\"", "\"\"") + "\",100.00," + code + "\n";
        as("finance").contentType("text/csv").body(statement).post("/api/v1/reconciliation/statements").then()
                .statusCode(200).body("matched.reference", equalTo(List.of(odd)))
                .body("onlyInGrantflow", equalTo(List.of()));
    }

    @Test
    void matchesAStatementAndNamesEveryKindOfDifference() {
        Prepared p = prepare();
        String statement = "date,reference,amount,fund_code\n"
                + "2017-01-16," + p.prefix() + "1,4000.00," + p.code() + "\n"        // matched
                + "20/02/2017," + p.prefix() + "2,2100.00," + p.code() + "\n"        // amount differs
                + "2017-03-01," + p.prefix() + "3,-500.00," + p.code() + "\n"        // matched repayment
                + "2017-03-02," + p.prefix() + "X,750.00," + p.code() + "\n"         // only in finance system
                + "2017-03-15," + p.prefix() + "5,1000.00," + p.code() + "\n";       // matched; -4 is missing
        as("finance").contentType("text/csv").body(statement).post("/api/v1/reconciliation/statements").then()
                .statusCode(200)
                .body("lines", equalTo(5))
                .body("matched.reference", equalTo(List.of(p.prefix() + "1", p.prefix() + "3", p.prefix() + "5")))
                .body("matched[1].statementAmount", equalTo("-500.00"))
                .body("amountDiffers.reference", equalTo(List.of(p.prefix() + "2")))
                .body("amountDiffers[0].statementAmount", equalTo("2100.00"))
                .body("amountDiffers[0].grantflowAmount", equalTo("2000.00"))
                .body("amountDiffers[0].line", equalTo(3))
                .body("onlyInFinanceSystem.reference", equalTo(List.of(p.prefix() + "X")))
                .body("onlyInGrantflow.reference", equalTo(List.of(p.prefix() + "4")))
                .body("onlyInGrantflow[0].grantflowAmount", equalTo("3000.00"));
    }

    @Test
    void refusesABadStatementWholeWithLineNumberedErrorsAndChangesNothing() {
        Prepared p = prepare();
        long entries = fixtures.ledgerEntries();
        long events = fixtures.outboxEvents();
        String statement = "date,reference,amount,fund_code\n"
                + "2017-01-16," + p.prefix() + "1,4000.00," + p.code() + "\n"
                + "yesterday," + p.prefix() + "2,2000.00," + p.code() + "\n"
                + "2017-03-01," + p.prefix() + "3,-500.00,NO-SUCH-FUND\n";
        as("finance").contentType("text/csv").body(statement).post("/api/v1/reconciliation/statements").then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("type", equalTo("https://grantflow.example/problems/invalid-statement"))
                .body("violations.field", equalTo(List.of("line 3", "line 4")))
                .body("violations[1].message", equalTo("Line 4: no fund has the code or cost centre NO-SUCH-FUND"));
        assertEquals(entries, fixtures.ledgerEntries());
        assertEquals(events, fixtures.outboxEvents());
    }

    @Test
    void letsOnlyFinanceAndAdminReconcile() {
        Prepared p = prepare();
        as("assessor").queryParam("fund", p.fundId()).queryParam("financialYear", "2016/17")
                .get("/api/v1/reconciliation").then().statusCode(403);
        Fixtures.asPartner("district-council-01").contentType("text/csv").body("x")
                .post("/api/v1/reconciliation/statements").then().statusCode(403);
    }
}
