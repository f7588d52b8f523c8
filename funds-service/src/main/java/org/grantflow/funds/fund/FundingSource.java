package org.grantflow.funds.fund;

/** Where the money in a fund comes from. */
public enum FundingSource {
    RESERVES,
    BASE_BUDGET,
    MINISTRY_OF_JUSTICE_GRANT,
    HOME_OFFICE_GRANT,
    PROCEEDS_OF_CRIME,
    INCOME,
    OTHER
}
