package org.grantflow.launcher;

import java.net.URI;
import java.nio.file.Path;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.grantflow.infra.FreePorts;

/**
 * Where a {@link GrantflowSystem} keeps its data, which ports it uses and which databases the
 * services get.
 *
 * @param repoDir the repository root, where the packaged services are found
 * @param dataDir the broker data, signing keys, logs and (embedded) PostgreSQL data
 * @param kafkaPort the broker's client port
 * @param kafkaControllerPort the broker's KRaft controller port
 * @param servicePorts the HTTP port of each service
 * @param databases the database of each service
 * @param keepData whether databases and broker data outlive the system; a throw-away system drops
 *        its databases and deletes its broker data on close
 */
public record LauncherConfig(
        Path repoDir,
        Path dataDir,
        int kafkaPort,
        int kafkaControllerPort,
        Map<GrantflowService, Integer> servicePorts,
        Map<GrantflowService, String> databases,
        boolean keepData) {

    public static final String HOME_VARIABLE = "GRANTFLOW_HOME";
    public static final String KAFKA_PORT_VARIABLE = "GRANTFLOW_KAFKA_PORT";
    public static final String KAFKA_CONTROLLER_PORT_VARIABLE = "GRANTFLOW_KAFKA_CONTROLLER_PORT";

    public LauncherConfig {
        repoDir = Objects.requireNonNull(repoDir, "repoDir").toAbsolutePath().normalize();
        dataDir = Objects.requireNonNull(dataDir, "dataDir").toAbsolutePath().normalize();
        servicePorts = complete(servicePorts, "port");
        databases = complete(databases, "database");
        requireDistinctPorts(kafkaPort, kafkaControllerPort, servicePorts);
    }

    /**
     * The everyday local set-up: data in {@code <repo>/.grantflow}, the well-known ports and the
     * databases {@code grants}, {@code funds} and {@code notifications}, all kept between runs.
     * Environment variables ({@value #HOME_VARIABLE}, {@value #KAFKA_PORT_VARIABLE},
     * {@value #KAFKA_CONTROLLER_PORT_VARIABLE} and each service's port variable) override them.
     */
    public static LauncherConfig fromEnvironment(Path repoDir, Map<String, String> env) {
        String home = env.get(HOME_VARIABLE);
        Path dataDir = home == null || home.isBlank() ? repoDir.resolve(".grantflow") : Path.of(home);
        Map<GrantflowService, Integer> ports = new EnumMap<>(GrantflowService.class);
        Map<GrantflowService, String> databases = new EnumMap<>(GrantflowService.class);
        for (GrantflowService service : GrantflowService.values()) {
            ports.put(service, port(env, service.portVariable(), service.defaultPort()));
            databases.put(service, service.defaultDatabase());
        }
        return new LauncherConfig(repoDir, dataDir,
                port(env, KAFKA_PORT_VARIABLE, 9092),
                port(env, KAFKA_CONTROLLER_PORT_VARIABLE, 9093),
                ports, databases, true);
    }

    /**
     * A throw-away system beside any other: free ports, databases named {@code <prefix>_grants}
     * etc., and nothing kept after close. Tests use it.
     */
    public static LauncherConfig isolated(Path repoDir, Path dataDir, String databasePrefix) {
        List<Integer> ports = distinctFreePorts(2 + GrantflowService.values().length);
        Map<GrantflowService, Integer> servicePorts = new EnumMap<>(GrantflowService.class);
        Map<GrantflowService, String> databases = new EnumMap<>(GrantflowService.class);
        int next = 2;
        for (GrantflowService service : GrantflowService.values()) {
            servicePorts.put(service, ports.get(next++));
            databases.put(service, databasePrefix + "_" + service.defaultDatabase());
        }
        return new LauncherConfig(repoDir, dataDir, ports.get(0), ports.get(1), servicePorts, databases, false);
    }

    public int port(GrantflowService service) {
        return servicePorts.get(service);
    }

    public String database(GrantflowService service) {
        return databases.get(service);
    }

    public URI baseUri(GrantflowService service) {
        return URI.create("http://127.0.0.1:" + port(service));
    }

    public String kafkaBootstrapServers() {
        return "127.0.0.1:" + kafkaPort;
    }

    public Path kafkaDir() {
        return dataDir.resolve("kafka");
    }

    public Path jwtDir() {
        return dataDir.resolve("jwt");
    }

    public Path logDir() {
        return dataDir.resolve("logs");
    }

    /** Where an embedded PostgreSQL keeps its data; none for a throw-away system. */
    public Path postgresDirOrNull() {
        return keepData ? dataDir.resolve("postgres") : null;
    }

    static int port(Map<String, String> env, String variable, int fallback) {
        String value = env.get(variable);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            int port = Integer.parseInt(value.trim());
            if (port >= 1 && port <= 65535) {
                return port;
            }
        } catch (NumberFormatException e) {
            // reported below, with the variable's name
        }
        throw new IllegalArgumentException(variable + " must be a TCP port number (1-65535), not '" + value + "'");
    }

    private static <T> Map<GrantflowService, T> complete(Map<GrantflowService, T> values, String what) {
        Objects.requireNonNull(values, what + "s");
        EnumMap<GrantflowService, T> copy = new EnumMap<>(GrantflowService.class);
        for (GrantflowService service : GrantflowService.values()) {
            T value = values.get(service);
            if (value == null) {
                throw new IllegalArgumentException("No " + what + " given for " + service.module());
            }
            copy.put(service, value);
        }
        return Collections.unmodifiableMap(copy);
    }

    private static void requireDistinctPorts(int kafkaPort, int controllerPort, Map<GrantflowService, Integer> ports) {
        Set<Integer> seen = new HashSet<>();
        seen.add(kafkaPort);
        if (!seen.add(controllerPort)) {
            throw new IllegalArgumentException("The Kafka port and controller port are both " + kafkaPort);
        }
        ports.forEach((service, port) -> {
            if (!seen.add(port)) {
                throw new IllegalArgumentException(
                        "Port " + port + " of " + service.module() + " is already used by another part of Grantflow");
            }
        });
    }

    /** {@link FreePorts} may hand out a port twice in a row; ask until enough are distinct. */
    private static List<Integer> distinctFreePorts(int count) {
        Set<Integer> ports = new LinkedHashSet<>();
        while (ports.size() < count) {
            ports.add(FreePorts.next());
        }
        return List.copyOf(ports);
    }
}
