package org.grantflow.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.grantflow.infra.Tokens;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LauncherTest {

    @TempDir
    Path repo;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void parsesUpWithAndWithoutDemo() {
        assertEquals(new Launcher.Up(false), Launcher.parse("up"));
        assertEquals(new Launcher.Up(true), Launcher.parse("up", "--demo"));
    }

    @Test
    void parsesTokenOptionsInAnyOrder() {
        assertEquals(new Launcher.Token("partner", "org-1"), Launcher.parse("token", "--org", "org-1", "--role", "partner"));
        assertEquals(new Launcher.Token("finance", null), Launcher.parse("token", "--role", "finance"));
    }

    @Test
    void rejectsCommandLinesThatMakeNoSense() {
        assertUsageError("no command", "");
        assertUsageError("unknown command 'down'", "down");
        assertUsageError("unexpected --verbose", "up", "--verbose");
        assertUsageError("token needs --role", "token");
        assertUsageError("--role needs a value", "token", "--role");
        assertUsageError("unknown role 'mayor'", "token", "--role", "mayor");
        assertUsageError("a partner token needs --org", "token", "--role", "partner");
        assertUsageError("--org applies only to --role partner", "token", "--role", "admin", "--org", "x");
        assertUsageError("--role given twice", "token", "--role", "admin", "--role", "finance");
    }

    @Test
    void printsAPartnerTokenSignedWithTheKeysInTheDataFolder() throws Exception {
        Path home = repo.resolve("home");

        int status = launcher(Map.of("GRANTFLOW_HOME", home.toString()))
                .run("token", "--role", "partner", "--org", "6f1c0d52-5d0e-4c35-9a54-0f7b0e1f3a10");

        assertEquals(Launcher.OK, status, err::toString);
        String token = out.toString(StandardCharsets.UTF_8).trim();
        assertFalse(token.contains("\n"), "stdout holds only the token");
        JwtClaims claims = verify(token, Tokens.withKeysIn(home.resolve("jwt")));
        assertEquals(List.of("partner"), claims.getStringListClaimValue("groups"));
        assertEquals("6f1c0d52-5d0e-4c35-9a54-0f7b0e1f3a10", claims.getStringClaimValue(Tokens.ORGANISATION_CLAIM));
    }

    @Test
    void printsAStaffTokenWithoutAnOrganisation() throws Exception {
        int status = launcher(Map.of()).run("token", "--role", "assessor");

        assertEquals(Launcher.OK, status, err::toString);
        // Without GRANTFLOW_HOME the keys live in <repo>/.grantflow/jwt.
        JwtClaims claims = verify(out.toString(StandardCharsets.UTF_8).trim(),
                Tokens.withKeysIn(repo.resolve(".grantflow/jwt")));
        assertEquals(List.of("assessor"), claims.getStringListClaimValue("groups"));
        assertFalse(claims.hasClaim(Tokens.ORGANISATION_CLAIM));
    }

    @Test
    void explainsUsageErrorsOnStderrWithStatusTwo() {
        int status = launcher(Map.of()).run("token", "--role", "partner");

        assertEquals(Launcher.BAD_USAGE, status);
        assertEquals("", out.toString(StandardCharsets.UTF_8));
        String message = err.toString(StandardCharsets.UTF_8);
        assertTrue(message.startsWith("grantflow: a partner token needs --org <organisationId>"), message);
        assertTrue(message.contains("Usage: deploy/grantflow"), message);
    }

    @Test
    void reportsABadPortVariableWithoutAStackTrace() {
        int status = launcher(Map.of("GRANTFLOW_FUNDS_PORT", "eighty")).run("up");

        assertEquals(Launcher.FAILED, status);
        assertEquals("grantflow: GRANTFLOW_FUNDS_PORT must be a TCP port number (1-65535), not 'eighty'",
                err.toString(StandardCharsets.UTF_8).trim());
    }

    @Test
    void upRefusesToStartWhenTheServicesAreNotBuilt() {
        int status = launcher(Map.of("GRANTFLOW_HOME", repo.resolve("home").toString())).run("up");

        assertEquals(Launcher.FAILED, status);
        String message = err.toString(StandardCharsets.UTF_8);
        assertTrue(message.contains("These services are not built"), message);
        assertTrue(message.contains(repo.resolve("grants-service/target/quarkus-app/quarkus-run.jar").toString()), message);
    }

    @Test
    void findsTheRepositoryAboveAnyFolderInside() throws IOException {
        Files.createDirectories(repo.resolve("deploy/launcher/target"));
        Files.writeString(repo.resolve("deploy/launcher/pom.xml"), "<project/>");

        assertEquals(Optional.of(repo.toRealPath()), Launcher.findRepoAbove(repo.resolve("deploy/launcher/target"))
                .map(LauncherTest::real));
        assertEquals(Optional.empty(), Launcher.findRepoAbove(repo.getRoot()));
    }

    private Launcher launcher(Map<String, String> env) {
        return new Launcher(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), env, repo);
    }

    private static void assertUsageError(String expected, String... args) {
        String[] effective = args.length == 1 && args[0].isEmpty() ? new String[0] : args;
        Launcher.UsageException e = assertThrows(Launcher.UsageException.class, () -> Launcher.parse(effective));
        assertTrue(e.getMessage().contains(expected), () -> "'" + e.getMessage() + "' should mention '" + expected + "'");
    }

    private static JwtClaims verify(String token, Tokens keys) throws Exception {
        return new JwtConsumerBuilder()
                .setVerificationKey(keys.publicKey())
                .setExpectedIssuer(Tokens.ISSUER)
                .setRequireExpirationTime()
                .build()
                .processToClaims(token);
    }

    private static Path real(Path path) {
        try {
            return path.toRealPath();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
