package org.grantflow.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

class LauncherConfigTest {

    private static final Path REPO = Path.of("/srv/grantflow");

    @Test
    void defaultsToTheWellKnownPortsAndDatabasesKeptInTheRepository() {
        LauncherConfig config = LauncherConfig.fromEnvironment(REPO, Map.of());

        assertEquals(REPO.resolve(".grantflow"), config.dataDir());
        assertEquals(9092, config.kafkaPort());
        assertEquals(9093, config.kafkaControllerPort());
        assertEquals(URI.create("http://127.0.0.1:8081"), config.baseUri(GrantflowService.GRANTS));
        assertEquals(8082, config.port(GrantflowService.FUNDS));
        assertEquals(8083, config.port(GrantflowService.NOTIFICATIONS));
        assertEquals(List.of("grants", "funds", "notifications"), List.copyOf(config.databases().values()));
        assertTrue(config.keepData());
        assertEquals(REPO.resolve(".grantflow/postgres"), config.postgresDirOrNull());
    }

    @Test
    void environmentVariablesMoveTheDataAndPorts() {
        LauncherConfig config = LauncherConfig.fromEnvironment(REPO, Map.of(
                "GRANTFLOW_HOME", "/var/tmp/gf",
                "GRANTFLOW_GRANTS_PORT", "18081",
                "GRANTFLOW_FUNDS_PORT", " 18082 ",
                "GRANTFLOW_NOTIFICATIONS_PORT", "18083",
                "GRANTFLOW_KAFKA_PORT", "19092",
                "GRANTFLOW_KAFKA_CONTROLLER_PORT", "19093"));

        assertEquals(Path.of("/var/tmp/gf"), config.dataDir());
        assertEquals(Path.of("/var/tmp/gf/jwt"), config.jwtDir());
        assertEquals(List.of(18081, 18082, 18083), List.copyOf(config.servicePorts().values()));
        assertEquals("127.0.0.1:19092", config.kafkaBootstrapServers());
        assertEquals(19093, config.kafkaControllerPort());
    }

    @Test
    void rejectsPortsThatAreNotPorts() {
        for (String bad : List.of("0", "65536", "-1", "80a")) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> LauncherConfig.fromEnvironment(REPO, Map.of("GRANTFLOW_KAFKA_PORT", bad)));
            assertEquals("GRANTFLOW_KAFKA_PORT must be a TCP port number (1-65535), not '" + bad + "'", e.getMessage());
        }
    }

    @Test
    void rejectsTwoPartsOnOnePort() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> LauncherConfig.fromEnvironment(REPO, Map.of("GRANTFLOW_NOTIFICATIONS_PORT", "8081")));
        assertTrue(e.getMessage().contains("Port 8081"), e.getMessage());
    }

    @Test
    void anIsolatedSystemHasItsOwnPortsAndDatabasesAndKeepsNothing() {
        LauncherConfig config = LauncherConfig.isolated(REPO, Path.of("/tmp/e2e"), "e2e_1a2b3c4d");

        Set<Integer> ports = new HashSet<>(config.servicePorts().values());
        ports.add(config.kafkaPort());
        ports.add(config.kafkaControllerPort());
        assertEquals(5, ports.size(), "all ports distinct");
        assertEquals(List.of("e2e_1a2b3c4d_grants", "e2e_1a2b3c4d_funds", "e2e_1a2b3c4d_notifications"),
                List.copyOf(config.databases().values()));
        assertFalse(config.keepData());
        assertNull(config.postgresDirOrNull(), "a throw-away PostgreSQL if one must be started");
    }
}
