package org.grantflow.grants.eligibility;

/** The chapters of the police and crime plan a bid can link to. */
public enum PlanPriority {
    BUILDING_ON_SUCCESS("Building on Success"),
    PUTTING_VICTIMS_AT_THE_CENTRE("Putting Victims at the Centre"),
    PUBLIC_FOCUS("Public Focus"),
    OFFENDER_PAYS("Offender Pays"),
    BUSINESS_SENSE("Business Sense");

    private final String title;

    PlanPriority(String title) {
        this.title = title;
    }

    public String title() {
        return title;
    }
}
