package org.grantflow.grants.eligibility;

/** The kinds of organisation that bid. */
public enum OrganisationType {
    DISTRICT_OR_BOROUGH_COUNCIL("district or borough council"),
    COUNTY_COUNCIL("county council"),
    COMMUNITY_SAFETY_PARTNERSHIP("community safety partnership"),
    POLICE("police"),
    FIRE_AND_RESCUE("fire and rescue service"),
    CHARITY("charity"),
    COMPANY("company"),
    OTHER("other organisation");

    private final String words;

    OrganisationType(String words) {
        this.words = words;
    }

    public String words() {
        return words;
    }
}
