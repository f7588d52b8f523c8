package org.grantflow.notifications.bid;

import java.util.List;

/** What this service knows of a bid's state: enough to tell who still has a draft and who has bid. */
public enum BidStatus {
    DRAFT, SUBMITTED, INELIGIBLE, WITHDRAWN, REJECTED, AWARDED;

    /** The states of a bid that was submitted and not withdrawn: its organisation has bid in the round. */
    public static final List<BidStatus> HAS_BID = List.of(SUBMITTED, INELIGIBLE, REJECTED, AWARDED);
}
