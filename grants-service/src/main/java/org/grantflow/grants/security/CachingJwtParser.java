package org.grantflow.grants.security;

import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.ParseException;

/**
 * Verifies a bearer token once and remembers the result until the token expires. A portal sends the same token with
 * every request, and checking its RSA signature and parsing its claims each time cost more than the rest of an
 * eligibility check. A token is only ever remembered after the full verification succeeded, and never past its
 * expiry, so nothing is accepted that verification would refuse.
 */
@Alternative
@Priority(1)
@ApplicationScoped
public class CachingJwtParser extends DefaultJWTParser {

    private static final int MAX_TOKENS = 10_000;

    private final ConcurrentHashMap<String, JsonWebToken> verified = new ConcurrentHashMap<>();

    CachingJwtParser() {
    }

    /** A parser with its own verification settings, outside CDI. */
    CachingJwtParser(JWTAuthContextInfo settings) {
        super(settings);
    }

    @Override
    public JsonWebToken parse(String token) throws ParseException {
        JsonWebToken known = verified.get(token);
        if (known != null && Instant.now().getEpochSecond() < known.getExpirationTime()) {
            return known;
        }
        verified.remove(token);
        JsonWebToken jwt = super.parse(token);
        if (verified.size() >= MAX_TOKENS) {
            verified.clear();
        }
        verified.put(token, jwt);
        return jwt;
    }
}
