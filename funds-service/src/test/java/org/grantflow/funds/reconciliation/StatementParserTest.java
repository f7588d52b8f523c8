package org.grantflow.funds.reconciliation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.grantflow.funds.problem.Violation;
import org.junit.jupiter.api.Test;

class StatementParserTest {

    @Test
    void readsColumnsInAnyOrderWithUkOrIsoDatesQuotedFieldsAndNegativeAmounts() {
        StatementParser.Parsed parsed = StatementParser.parse("""
                Amount,Reference,Cost Centre,Date,Narrative
                "4,000.00",FIN-1,FTF,16/01/2017,"Cameras, phase 1"
                -500.00,FIN-2,FTF,2017-02-01,Repaid
                """);
        assertEquals(List.of(), parsed.errors());
        assertEquals(List.of(
                new StatementParser.Line(2, LocalDate.of(2017, 1, 16), "FIN-1", new BigDecimal("4000.00"), "FTF"),
                new StatementParser.Line(3, LocalDate.of(2017, 2, 1), "FIN-2", new BigDecimal("-500.00"), "FTF")),
                parsed.lines());
    }

    @Test
    void countsLinesEndedByCrlfOrLfSkipsBlankOnesAndReadsALastLineWithoutAnEnd() {
        StatementParser.Parsed parsed = StatementParser.parse("\uFEFFdate,reference,amount,fund_code\r\n"
                + "2017-01-16,FIN-1,1.00,FTF\n\r\n16/01/2017,FIN-2,\"£1,002.00\",CC-44\r");
        assertEquals(List.of(), parsed.errors());
        assertEquals(List.of(
                new StatementParser.Line(2, LocalDate.of(2017, 1, 16), "FIN-1", new BigDecimal("1.00"), "FTF"),
                new StatementParser.Line(4, LocalDate.of(2017, 1, 16), "FIN-2", new BigDecimal("1002.00"), "CC-44")),
                parsed.lines());
    }

    @Test
    void reportsEveryBadLineByItsNumber() {
        StatementParser.Parsed parsed = StatementParser.parse("""
                date,reference,amount,fund_code
                2017-01-16,FIN-1,100.00,FTF
                2017-13-01,FIN-2,100.00,FTF
                2017-01-16,FIN-1,12.345,FTF
                2017-01-16,,ten,
                """);
        assertEquals(List.of("line 3", "line 4", "line 5"), parsed.errors().stream().map(Violation::field).toList());
        assertEquals("Line 4: reference FIN-1 is on line 2 already; amount '12.345' must be non-zero pounds and pence",
                parsed.errors().get(1).message());
    }

    @Test
    void refusesAFileWithoutTheColumnsItNeeds() {
        StatementParser.Parsed parsed = StatementParser.parse("date,reference,amount\n2017-01-16,FIN-1,100.00\n");
        assertEquals("MISSING_COLUMN", parsed.errors().get(0).code());
        assertEquals(List.of(), parsed.lines());
    }

    @Test
    void quotesAndDefusesSpreadsheetFormulasWhenWritingCsv() {
        assertEquals("'=SUM(A1),\"a, b\",12.50,\"say \"\"hi\"\"\"\r\n",
                Csv.line("=SUM(A1)", "a, b", new BigDecimal("12.50"), "say \"hi\""));
    }
}
