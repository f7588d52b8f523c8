package org.grantflow.notifications.security;

/** The roles a bearer token can carry in its {@code groups} claim. */
public final class Roles {

    public static final String PARTNER = "partner";
    public static final String ASSESSOR = "assessor";
    public static final String FINANCE = "finance";
    public static final String ADMIN = "admin";

    private Roles() {
    }
}
