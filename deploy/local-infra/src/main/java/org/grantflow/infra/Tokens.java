package org.grantflow.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.jose4j.lang.JoseException;

/**
 * Signs bearer tokens the services accept, for tests and for people trying the API by hand. The
 * services verify them with the public key ({@code mp.jwt.verify.publickey[.location]}) and the
 * issuer {@link #ISSUER}. A real deployment points the services at its identity provider instead.
 */
public final class Tokens {

    public static final String ISSUER = "https://grantflow.local/issuer";
    /** The claim that names the organisation a partner acts for. */
    public static final String ORGANISATION_CLAIM = "org";

    private final KeyPair keys;

    private Tokens(KeyPair keys) {
        this.keys = keys;
    }

    /** A new key pair, kept in memory. */
    public static Tokens withNewKeys() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return new Tokens(generator.generateKeyPair());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The key pair kept in {@code dir}, made on first use. */
    public static Tokens withKeysIn(Path dir) {
        Path privateKey = dir.resolve("private-key.pem");
        Path publicKey = dir.resolve("public-key.pem");
        try {
            if (Files.exists(privateKey) && Files.exists(publicKey)) {
                KeyFactory rsa = KeyFactory.getInstance("RSA");
                return new Tokens(new KeyPair(
                        rsa.generatePublic(new X509EncodedKeySpec(pemBody(publicKey))),
                        rsa.generatePrivate(new PKCS8EncodedKeySpec(pemBody(privateKey)))));
            }
            Tokens tokens = withNewKeys();
            Files.createDirectories(dir);
            Files.writeString(privateKey, pem("PRIVATE KEY", tokens.keys.getPrivate().getEncoded()));
            Files.writeString(publicKey, tokens.publicKeyPem());
            return tokens;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Unreadable keys in " + dir, e);
        }
    }

    public String publicKeyPem() {
        return pem("PUBLIC KEY", keys.getPublic().getEncoded());
    }

    public PublicKey publicKey() {
        return keys.getPublic();
    }

    /** A token for a partner acting for one organisation. */
    public String partner(String organisationId) {
        return mint("partner-user@" + organisationId, List.of("partner"), organisationId, Duration.ofHours(8));
    }

    /** A token for staff with one role: {@code assessor}, {@code finance} or {@code admin}. */
    public String staff(String role) {
        return mint(role + "-user", List.of(role), null, Duration.ofHours(8));
    }

    public String mint(String subject, List<String> roles, String organisationId, Duration validity) {
        JwtClaims claims = new JwtClaims();
        claims.setIssuer(ISSUER);
        claims.setSubject(subject);
        claims.setClaim("upn", subject);
        claims.setJwtId(UUID.randomUUID().toString());
        NumericDate now = NumericDate.now();
        claims.setIssuedAt(now);
        claims.setExpirationTime(NumericDate.fromSeconds(now.getValue() + validity.toSeconds()));
        claims.setStringListClaim("groups", roles);
        if (organisationId != null) {
            claims.setClaim(ORGANISATION_CLAIM, organisationId);
        }
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setKey(keys.getPrivate());
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
        jws.setHeader("typ", "JWT");
        try {
            return jws.getCompactSerialization();
        } catch (JoseException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String pem(String type, byte[] der) {
        String body = Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der);
        return "-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n";
    }

    private static byte[] pemBody(Path file) throws IOException {
        String text = Files.readString(file).replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        return Base64.getDecoder().decode(text);
    }
}
