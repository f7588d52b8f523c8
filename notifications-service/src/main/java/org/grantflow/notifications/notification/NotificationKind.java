package org.grantflow.notifications.notification;

/** What a notification is about; each kind is written from one template. */
public enum NotificationKind {
    /** An applicant's bid reached grants-service ({@code grantflow.bid.submitted.v1}). */
    BID_SUBMITTED,
    /** An applicant withdrew a bid ({@code grantflow.bid.withdrawn.v1}). */
    BID_WITHDRAWN,
    /** A round opened for bids; to the assessors ({@code grantflow.round.opened.v1}). */
    ROUND_OPENED,
    /** A round closes soon and the applicant still has a draft in it (a reminder). */
    ROUND_CLOSING,
    /** The applicant's award is confirmed: its money is committed ({@code grantflow.commitment.made.v1}). */
    AWARD_CONFIRMED,
    /** An award's money was committed; to finance ({@code grantflow.commitment.made.v1}). */
    COMMITMENT_MADE,
    /** An award could not be committed; to assessors and finance ({@code grantflow.commitment.refused.v1}). */
    COMMITMENT_REFUSED
}
