package org.grantflow.grants.bid;

/** Where a bid is in its life; see docs/architecture.md for the transitions. */
public enum BidStatus {
    DRAFT, SUBMITTED, INELIGIBLE, UNDER_ASSESSMENT, AWARD_PENDING, AWARDED, REJECTED, WITHDRAWN, CLOSED
}
