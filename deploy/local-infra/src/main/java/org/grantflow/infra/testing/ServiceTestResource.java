package org.grantflow.infra.testing;

import java.util.Map;

import org.grantflow.infra.Postgres;
import org.grantflow.infra.Tokens;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Points a service under {@code @QuarkusTest} at the real broker, a fresh database and the test
 * signing key. Use it with the argument {@code database} naming the service, e.g.
 * {@code @QuarkusTestResource(value = ServiceTestResource.class, initArgs = @ResourceArg(name =
 * "database", value = "grants"))}.
 */
public class ServiceTestResource implements QuarkusTestResourceLifecycleManager {

    private String purpose = "service";

    @Override
    public void init(Map<String, String> initArgs) {
        purpose = initArgs.getOrDefault("database", purpose);
    }

    @Override
    public Map<String, String> start() {
        TestInfrastructure infra = TestInfrastructure.get();
        Postgres pg = infra.postgres();
        return Map.of(
                "quarkus.datasource.jdbc.url", pg.jdbcUrl(infra.freshDatabase(purpose)),
                "quarkus.datasource.username", pg.user(),
                "quarkus.datasource.password", pg.password(),
                "kafka.bootstrap.servers", infra.broker().bootstrapServers(),
                "mp.jwt.verify.publickey", infra.tokens().publicKeyPem(),
                "mp.jwt.verify.issuer", Tokens.ISSUER);
    }

    @Override
    public void stop() {
        // The broker and the server live for the whole JVM; the database is dropped at exit.
    }
}
