package org.grantflow.grants.security;

import jakarta.enterprise.context.RequestScoped;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.grantflow.grants.problem.DomainException;

/** Who is calling: a partner acting for one organisation, or a member of staff. */
@RequestScoped
public class Caller {

    /** The token claim naming the organisation a partner acts for. */
    public static final String ORGANISATION_CLAIM = "org";

    private final JsonWebToken token;
    /** Read once: the token looks up a non-standard claim by trying it as a standard one first, which throws. */
    private String organisation;

    Caller(JsonWebToken token) {
        this.token = token;
    }

    public String name() {
        return token.getName();
    }

    public boolean isPartner() {
        return token.getGroups().contains(Roles.PARTNER);
    }

    /** The organisation a partner acts for; a partner token without one is refused. */
    public String organisationId() {
        if (organisation == null) {
            organisation = token.getClaim(ORGANISATION_CLAIM);
        }
        if (organisation == null || organisation.isBlank()) {
            throw DomainException.forbidden("A partner token must name its organisation in the 'org' claim");
        }
        return organisation;
    }

    /** Whether this caller may see the data of an organisation: partners only their own. */
    public boolean maySee(String organisationId) {
        return !isPartner() || organisationId().equals(organisationId);
    }
}
