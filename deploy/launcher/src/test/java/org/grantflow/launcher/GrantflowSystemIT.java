package org.grantflow.launcher;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Node;
import org.grantflow.infra.Tokens;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link GrantflowSystem} with stand-in services ({@link StubService}): a real PostgreSQL and a real
 * broker JVM, and checks of what each service process is given. Needs no packaged services.
 */
class GrantflowSystemIT {

    @TempDir
    Path repo;

    @Test
    void startsTheBrokerAndEveryServiceWiredTogetherAndStopsThemAll() throws Exception {
        for (GrantflowService service : GrantflowService.values()) {
            runnerJar(service, StubService.class.getName());
        }
        LauncherConfig config = isolatedConfig();

        try (GrantflowSystem system = GrantflowSystem.start(config)) {
            for (GrantflowService service : GrantflowService.values()) {
                Map<String, String> env = StubService.parseEnv(given().baseUri(system.baseUri(service).toString())
                        .get("/env").then().statusCode(200).extract().asString());

                assertEquals(Integer.toString(config.port(service)), env.get("QUARKUS_HTTP_PORT"));
                assertEquals(system.jdbcUrl(service), env.get("QUARKUS_DATASOURCE_JDBC_URL"));
                assertTrue(env.get("QUARKUS_DATASOURCE_JDBC_URL").endsWith("/" + config.database(service)));
                assertEquals(config.kafkaBootstrapServers(), env.get("KAFKA_BOOTSTRAP_SERVERS"));
                assertEquals(Tokens.ISSUER, env.get("MP_JWT_VERIFY_ISSUER"));
                Path publicKey = Path.of(env.get("MP_JWT_VERIFY_PUBLICKEY_LOCATION"));
                assertTrue(publicKey.isAbsolute(), publicKey.toString());
                assertEquals(system.tokens().publicKeyPem(), Files.readString(publicKey));
                try (Connection db = connect(env)) {
                    assertTrue(db.isValid(5), "the service's database exists");
                }
                assertTrue(Files.readString(config.logDir().resolve(service.module() + ".log"))
                        .contains("stub service listening on port " + config.port(service)));
            }
            assertEquals(1, brokerNodes(config).size(), "the broker JVM serves clients");
        }

        for (int port : List.of(config.kafkaPort(), config.port(GrantflowService.GRANTS),
                config.port(GrantflowService.FUNDS), config.port(GrantflowService.NOTIFICATIONS))) {
            assertTrue(isFree(port), "port " + port + " released");
        }
        assertFalse(Files.exists(config.kafkaDir()), "a throw-away system deletes its broker data");
    }

    @Test
    void aServiceThatDiesOnStartFailsTheStartWithItsLogAndStopsTheRest() throws Exception {
        runnerJar(GrantflowService.GRANTS, StubService.class.getName());
        runnerJar(GrantflowService.FUNDS, "org.grantflow.launcher.NoSuchService");
        runnerJar(GrantflowService.NOTIFICATIONS, StubService.class.getName());
        LauncherConfig config = isolatedConfig();

        IllegalStateException e = assertThrows(IllegalStateException.class, () -> GrantflowSystem.start(config));

        assertTrue(e.getMessage().contains("funds-service exited with code 1"), e.getMessage());
        assertTrue(e.getMessage().contains("org.grantflow.launcher.NoSuchService"), "shows the log tail: " + e.getMessage());
        for (int port : List.of(config.kafkaPort(), config.port(GrantflowService.GRANTS),
                config.port(GrantflowService.NOTIFICATIONS))) {
            assertTrue(isFree(port), "port " + port + " released");
        }
    }

    private LauncherConfig isolatedConfig() {
        return LauncherConfig.isolated(repo, repo.resolve("data"),
                "it_" + UUID.randomUUID().toString().substring(0, 8));
    }

    /** A jar like Quarkus's runner whose main class and class path come from these tests. */
    private void runnerJar(GrantflowService service, String mainClass) throws IOException, URISyntaxException {
        Path testClasses = Path.of(StubService.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, mainClass);
        manifest.getMainAttributes().put(Attributes.Name.CLASS_PATH, testClasses.toUri().toString());
        Path jar = service.runnerJar(repo);
        Files.createDirectories(jar.getParent());
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream ignored = new JarOutputStream(out, manifest)) {
            // the manifest is all it needs
        }
    }

    private static Connection connect(Map<String, String> env) throws Exception {
        Properties credentials = new Properties();
        credentials.setProperty("user", env.get("QUARKUS_DATASOURCE_USERNAME"));
        credentials.setProperty("password", env.getOrDefault("QUARKUS_DATASOURCE_PASSWORD", ""));
        return DriverManager.getConnection(env.get("QUARKUS_DATASOURCE_JDBC_URL"), credentials);
    }

    private static java.util.Collection<Node> brokerNodes(LauncherConfig config) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                config.kafkaBootstrapServers()))) {
            return admin.describeCluster().nodes().get(30, TimeUnit.SECONDS);
        }
    }

    private static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket(port)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
