package org.grantflow.funds.ledger;

import java.time.LocalDate;

import org.grantflow.funds.problem.DomainException;
import org.grantflow.funds.problem.Violation;

/** Financial years run 1 April to 31 March and are written {@code 2019/20}. */
public final class FinancialYear {

    public static final String PATTERN = "^(19|20)\\d{2}/\\d{2}$";

    private FinancialYear() {
    }

    /** Whether the two digits after the slash are the year after the first: 2019/20, not 2019/21. */
    public static boolean isConsecutive(String financialYear) {
        int start = Integer.parseInt(financialYear.substring(0, 4));
        int end = Integer.parseInt(financialYear.substring(5, 7));
        return (start + 1) % 100 == end;
    }

    /**
     * Reads a financial year as written in a path or query ({@code 2019/20}, or {@code 2019-20} where a
     * slash is awkward) and answers it in its canonical form.
     *
     * @throws DomainException 422 {@code invalid-financial-year} if it is none
     */
    public static String parse(String text) {
        String year = text == null ? "" : text.replace('-', '/');
        if (!year.matches(PATTERN) || !isConsecutive(year)) {
            throw DomainException.unprocessable("invalid-financial-year", "Not a financial year",
                    new Violation("FINANCIAL_YEAR", "financialYear",
                            text + " is not a financial year; write it like 2019/20"));
        }
        return year;
    }

    /** The financial year a date falls in: 31 March 2017 is in 2016/17, 1 April 2017 in 2017/18. */
    public static String of(LocalDate date) {
        int start = date.getMonthValue() >= 4 ? date.getYear() : date.getYear() - 1;
        return String.format("%d/%02d", start, (start + 1) % 100);
    }
}
