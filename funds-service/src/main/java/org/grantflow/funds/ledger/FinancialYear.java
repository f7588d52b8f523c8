package org.grantflow.funds.ledger;

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
}
