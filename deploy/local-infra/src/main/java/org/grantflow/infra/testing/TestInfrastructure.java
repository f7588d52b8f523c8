package org.grantflow.infra.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.grantflow.infra.KafkaBroker;
import org.grantflow.infra.Postgres;
import org.grantflow.infra.Tokens;

/**
 * The real parts a test JVM talks to: one Kafka broker and one PostgreSQL server per JVM, a fresh
 * database for each service under test, and a signing key for tokens. Everything is started on
 * first use and stopped (databases dropped) when the JVM exits.
 */
public final class TestInfrastructure {

    private static TestInfrastructure instance;

    private final KafkaBroker broker;
    private final Postgres postgres;
    private final Tokens tokens = Tokens.withNewKeys();
    private final List<String> databases = new ArrayList<>();

    private TestInfrastructure(KafkaBroker broker, Postgres postgres) {
        this.broker = broker;
        this.postgres = postgres;
    }

    public static synchronized TestInfrastructure get() {
        if (instance == null) {
            try {
                KafkaBroker broker = KafkaBroker.onFreePorts().start();
                instance = new TestInfrastructure(broker, Postgres.connectOrStartEmbedded(null));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(instance::shutdown, "grantflow-test-infrastructure"));
        }
        return instance;
    }

    public KafkaBroker broker() {
        return broker;
    }

    public Postgres postgres() {
        return postgres;
    }

    public Tokens tokens() {
        return tokens;
    }

    /** Creates a new, empty database named after {@code purpose}; it is dropped when the JVM exits. */
    public synchronized String freshDatabase(String purpose) {
        String name = (purpose + "_test_" + UUID.randomUUID().toString().substring(0, 8)).toLowerCase(Locale.ROOT);
        postgres.createDatabase(name);
        databases.add(name);
        return name;
    }

    private synchronized void shutdown() {
        broker.stop();
        databases.forEach(postgres::dropDatabase);
        postgres.close();
    }
}
