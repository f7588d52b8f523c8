package org.grantflow.funds.ledger;

/** What a ledger entry records; its amount is always the change, never a new total. */
public enum LedgerEntryKind {

    /** Money made available to a fund for a financial year: set when created or set anew (the difference). */
    BUDGET_SET,
    /** A change of a year's budget, up or down. */
    BUDGET_ADJUSTED,
    /** Budget reserved for an award. */
    COMMITMENT_MADE,
    /** Committed money given back to the budget (award reduced or cancelled). */
    COMMITMENT_RELEASED,
    /** Money paid to the recipient against a commitment. */
    PAYMENT,
    /** Money paid back by the recipient (repayment or clawback). */
    REPAYMENT
}
