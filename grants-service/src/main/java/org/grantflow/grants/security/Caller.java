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
    private final CachingJwtParser parser;
    private String organisation;

    Caller(JsonWebToken token, CachingJwtParser parser) {
        this.token = token;
        this.parser = parser;
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
            // Read when the token was verified; asking the token itself costs an exception each time.
            organisation = parser.organisationOf(token.getRawToken())
                    .orElseGet(() -> token.getClaim(ORGANISATION_CLAIM));
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
