package org.grantflow.grants.security;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.grantflow.infra.Tokens;
import org.junit.jupiter.api.Test;

import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.ParseException;

class CachingJwtParserTest {

    private static final String ISSUER = "https://grantflow.local/issuer";

    private final Tokens tokens = Tokens.withNewKeys();

    private CachingJwtParser parser() {
        JWTAuthContextInfo settings = new JWTAuthContextInfo(tokens.publicKey(), ISSUER);
        settings.setClockSkew(0);
        return new CachingJwtParser(settings);
    }

    @Test
    void verifiesATokenOnceAndAnswersItsClaimsAgainFromMemory() throws ParseException {
        CachingJwtParser parser = parser();
        String token = tokens.partner("district-council-01");

        JsonWebToken first = parser.parse(token);

        assertEquals("district-council-01", first.getClaim("org"));
        assertSame(first, parser.parse(token));
    }

    @Test
    void remembersTheOrganisationOfAVerifiedTokenOnly() throws ParseException {
        CachingJwtParser parser = parser();
        String partner = tokens.partner("district-council-01");
        String staff = tokens.staff("admin");

        assertEquals(Optional.empty(), parser.organisationOf(partner), "not verified yet");
        parser.parse(partner);
        parser.parse(staff);

        assertEquals(Optional.of("district-council-01"), parser.organisationOf(partner));
        assertEquals(Optional.empty(), parser.organisationOf(staff));
        assertEquals(Optional.empty(), parser.organisationOf(null), "no token at all");
    }

    @Test
    void refusesATokenSignedByAnotherKeyEvenAfterAGoodOne() throws ParseException {
        CachingJwtParser parser = parser();
        parser.parse(tokens.staff("admin"));

        assertThrows(ParseException.class, () -> parser.parse(Tokens.withNewKeys().staff("admin")));
    }

    @Test
    void forgetsARememberedTokenWhenItExpires() throws ParseException {
        CachingJwtParser parser = parser();
        String token = tokens.mint("portal", List.of("partner"), "district-council-01", Duration.ofSeconds(2));
        parser.parse(token);

        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(200))
                .until(() -> refused(parser, token));
    }

    private static boolean refused(CachingJwtParser parser, String token) {
        try {
            parser.parse(token);
            return false;
        } catch (ParseException e) {
            return true;
        }
    }
}
