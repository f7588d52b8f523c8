package org.grantflow.notifications.bid;

/** What this service knows of a bid's state: enough to tell who still has a draft. */
public enum BidStatus {
    DRAFT, SUBMITTED, WITHDRAWN
}
