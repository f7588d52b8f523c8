package org.grantflow.funds.ledger;

/** What a ledger entry records. */
public enum LedgerEntryKind {

    /** Money made available to a fund for a financial year; the year's budget is the sum of these. */
    BUDGET_SET
}
