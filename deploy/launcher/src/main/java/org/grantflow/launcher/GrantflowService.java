package org.grantflow.launcher;

import java.nio.file.Path;

/** The three Quarkus services and where the launcher finds and runs them by default. */
public enum GrantflowService {

    GRANTS("grants-service", 8081, "grants", "GRANTFLOW_GRANTS_PORT"),
    FUNDS("funds-service", 8082, "funds", "GRANTFLOW_FUNDS_PORT"),
    NOTIFICATIONS("notifications-service", 8083, "notifications", "GRANTFLOW_NOTIFICATIONS_PORT");

    private final String module;
    private final int defaultPort;
    private final String defaultDatabase;
    private final String portVariable;

    GrantflowService(String module, int defaultPort, String defaultDatabase, String portVariable) {
        this.module = module;
        this.defaultPort = defaultPort;
        this.defaultDatabase = defaultDatabase;
        this.portVariable = portVariable;
    }

    /** The Maven module folder under the repository root; also the name used for its log file. */
    public String module() {
        return module;
    }

    public int defaultPort() {
        return defaultPort;
    }

    public String defaultDatabase() {
        return defaultDatabase;
    }

    /** The environment variable that moves the service to another HTTP port. */
    public String portVariable() {
        return portVariable;
    }

    /** The runnable produced by {@code mvn package} (Quarkus fast-jar layout). */
    public Path runnerJar(Path repoDir) {
        return repoDir.resolve(module).resolve("target/quarkus-app/quarkus-run.jar");
    }
}
