package org.grantflow.notifications;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.awaitility.Awaitility;
import org.grantflow.infra.FreePorts;
import org.grantflow.infra.Tokens;
import org.grantflow.infra.testing.TestInfrastructure;

/**
 * The packaged notifications-service ({@code target/quarkus-app/quarkus-run.jar}) run as a process of
 * its own, against the test broker and a database of the test PostgreSQL server, on a free port.
 */
public final class ServiceProcess implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final String name;
    private final int port;
    private final Process process;

    private ServiceProcess(String name, int port, Process process) {
        this.name = name;
        this.port = port;
        this.process = process;
    }

    /** The packaged jar, as failsafe names it, else where Maven builds it from this module. */
    public static Path jar() {
        Path jar = Path.of(System.getProperty("notifications.jar", "target/quarkus-app/quarkus-run.jar"));
        if (!Files.exists(jar)) {
            throw new IllegalStateException("No packaged service at " + jar.toAbsolutePath() + ": run mvn package");
        }
        return jar;
    }

    /** The settings that point an instance at the test broker, the database and the test signing key. */
    public static Map<String, String> environment(TestInfrastructure infra, String database) {
        Map<String, String> env = new HashMap<>();
        env.put("QUARKUS_DATASOURCE_JDBC_URL", infra.postgres().jdbcUrl(database));
        env.put("QUARKUS_DATASOURCE_USERNAME", infra.postgres().user());
        env.put("QUARKUS_DATASOURCE_PASSWORD", infra.postgres().password());
        env.put("KAFKA_BOOTSTRAP_SERVERS", infra.broker().bootstrapServers());
        env.put("MP_JWT_VERIFY_PUBLICKEY", infra.tokens().publicKeyPem());
        env.put("MP_JWT_VERIFY_ISSUER", Tokens.ISSUER);
        env.put("QUARKUS_MAILER_MOCK", "true");
        return env;
    }

    /** Starts an instance; its output goes to {@code <logs>/<name>.log}. */
    public static ServiceProcess start(String name, Map<String, String> environment, Path logs) {
        int port = FreePorts.next();
        try {
            Files.createDirectories(logs);
            ProcessBuilder builder = new ProcessBuilder(List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
                    jar().toAbsolutePath().toString()))
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logs.resolve(name + ".log").toFile()));
            builder.environment().putAll(environment);
            builder.environment().put("QUARKUS_HTTP_PORT", Integer.toString(port));
            return new ServiceProcess(name, port, builder.start());
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start " + name, e);
        }
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    /** Waits until the instance answers ready (database, broker and consumers up). */
    public ServiceProcess awaitReady(Duration patience) {
        Awaitility.await(name + " ready").atMost(patience).pollInterval(Duration.ofMillis(500)).until(() -> {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue());
            }
            try {
                return HTTP.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/q/health/ready"))
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.discarding())
                        .statusCode() == 200;
            } catch (IOException e) {
                return false;
            }
        });
        return this;
    }

    /** Kills the instance as a crash would (SIGKILL): no shutdown hooks, transactions cut off. */
    public void kill() {
        process.destroyForcibly();
        waitForExit();
    }

    @Override
    public void close() {
        process.destroy();
        waitForExit();
    }

    private void waitForExit() {
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
