package org.grantflow.notifications.notification;

/** Who a notification is meant for. */
public enum Audience {
    /** The people who bid for money on behalf of an applicant organisation. */
    APPLICANT,
    /** The grant officers who open rounds and assess bids. */
    ASSESSORS,
    /** The finance team, who keep the budgets and the ledger. */
    FINANCE;

    /**
     * The recipient a staff notification is filed under, in place of an organisation id:
     * {@code assessors} or {@code finance}.
     */
    public String team() {
        if (this == APPLICANT) {
            throw new IllegalStateException("Applicants are organisations, not a team");
        }
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
