package org.grantflow.notifications.notification;

/** What a notification is about; each kind is written from one template. */
public enum NotificationKind {
    /** A round opened for bids; to the assessors and the fund's subscribers ({@code grantflow.round.opened.v1}). */
    ROUND_OPENED,
    /** A round stopped taking bids; to the assessors and those left with a draft ({@code grantflow.round.closed.v1}). */
    ROUND_CLOSED,
    /** A round closes soon and the applicant has a draft in it or follows its fund (a reminder). */
    ROUND_CLOSING,
    /** An applicant's bid reached grants-service ({@code grantflow.bid.submitted.v1}). */
    BID_SUBMITTED,
    /** An applicant's bid failed the round's eligibility rules, with every reason ({@code grantflow.bid.ineligible.v1}). */
    BID_INELIGIBLE,
    /** An applicant withdrew a bid ({@code grantflow.bid.withdrawn.v1}). */
    BID_WITHDRAWN,
    /** An officer rejected the applicant's bid ({@code grantflow.bid.rejected.v1}). */
    BID_REJECTED,
    /** The applicant's award is final: its money is committed ({@code grantflow.bid.awarded.v1}). */
    AWARD_CONFIRMED,
    /** An award's money was committed; to finance ({@code grantflow.commitment.made.v1}). */
    COMMITMENT_MADE,
    /** An award could not be committed; to assessors and finance ({@code grantflow.commitment.refused.v1}). */
    COMMITMENT_REFUSED,
    /** Money was paid to the applicant, or paid back ({@code grantflow.payment.recorded.v1}). */
    PAYMENT_RECORDED,
    /** A fund-year's available money fell under its threshold; to finance ({@code grantflow.fund.balance-low.v1}). */
    FUND_BALANCE_LOW,
    /** The round's spend-by date is near and the award is not fully paid (a reminder). */
    SPEND_BY_DUE,
    /** The funded project ended and its evaluation report is due (a reminder). */
    EVALUATION_DUE
}
