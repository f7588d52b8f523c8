package org.grantflow.launcher;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.grantflow.infra.KafkaBroker;
import org.grantflow.infra.Postgres;
import org.grantflow.infra.Tokens;
import org.jboss.logging.Logger;

/**
 * The whole of Grantflow on one machine: PostgreSQL with a database per service, a Kafka broker in
 * a JVM of its own, the signing keys for tokens, and the three packaged services, each a separate
 * process logging to {@code <dataDir>/logs}. {@link #start} returns once every service reports
 * ready; {@link #close} stops everything in reverse order, and so does a JVM shutdown (Ctrl-C).
 */
public final class GrantflowSystem implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(GrantflowSystem.class);

    static final String BROKER_NAME = "kafka";
    private static final Duration BROKER_TIMEOUT = Duration.ofSeconds(90);
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(120);
    private static final Duration STOP_GRACE = Duration.ofSeconds(20);
    private static final Duration POLL_INTERVAL = Duration.ofMillis(250);
    /** The broker JVM logs through the same log manager as the launcher (see logging.properties). */
    private static final String LOG_MANAGER = "-Djava.util.logging.manager=org.jboss.logmanager.LogManager";

    private final LauncherConfig config;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final Thread shutdownHook = new Thread(this::close, "grantflow-shutdown");

    // Written while starting and read by close(), which may run on the shutdown hook's thread.
    private Postgres postgres;
    private Tokens tokens;
    private ManagedProcess broker;
    private final Map<GrantflowService, ManagedProcess> services = new EnumMap<>(GrantflowService.class);
    private boolean closed;

    private GrantflowSystem(LauncherConfig config) {
        this.config = config;
    }

    /**
     * Starts everything and waits until the services are ready. On failure whatever was started is
     * stopped again before the exception is thrown.
     *
     * @throws IllegalStateException with what went wrong and, for a process, the end of its log
     */
    public static GrantflowSystem start(LauncherConfig config) {
        requireBuiltServices(config);
        requireFreePorts(config);
        GrantflowSystem system = new GrantflowSystem(config);
        // Child processes must not outlive the launcher, however it is stopped short of a kill -9.
        Runtime.getRuntime().addShutdownHook(system.shutdownHook);
        try {
            system.startAll();
            return system;
        } catch (RuntimeException | Error e) {
            system.close();
            throw e;
        }
    }

    public LauncherConfig config() {
        return config;
    }

    /** Mints tokens the running services accept. */
    public synchronized Tokens tokens() {
        return tokens;
    }

    public URI baseUri(GrantflowService service) {
        return config.baseUri(service);
    }

    public synchronized String jdbcUrl(GrantflowService service) {
        return postgres.jdbcUrl(config.database(service));
    }

    private void startAll() {
        long started = System.nanoTime();
        createDirectories(config.dataDir(), config.logDir());
        startPostgres();
        synchronized (this) {
            ensureOpen();
            tokens = Tokens.withKeysIn(config.jwtDir());
        }
        startBroker();
        for (GrantflowService service : GrantflowService.values()) {
            startService(service);
        }
        // One deadline for all: they start together and get ready side by side.
        long readyBy = System.nanoTime() + READY_TIMEOUT.toNanos();
        for (GrantflowService service : GrantflowService.values()) {
            awaitReady(service, readyBy);
        }
        LOG.infof("Grantflow is ready (%d s)", Duration.ofNanos(System.nanoTime() - started).toSeconds());
    }

    private void startPostgres() {
        Postgres pg = Postgres.connectOrStartEmbedded(config.postgresDirOrNull());
        synchronized (this) {
            if (closed) {
                pg.close(); // close() ran while it was starting and could not see it
            }
            ensureOpen();
            postgres = pg;
        }
        for (GrantflowService service : GrantflowService.values()) {
            pg.createDatabase(config.database(service));
        }
        LOG.infof("Databases %s ready at %s:%d", config.databases().values(), pg.host(), pg.port());
    }

    private void startBroker() {
        List<String> command = List.of(javaExecutable(), LOG_MANAGER,
                // A single local broker needs little; the JVM default would reserve a quarter of RAM.
                "-Xmx512m",
                "-cp", ownClassPath(),
                KafkaBroker.class.getName(),
                config.kafkaDir().toString(),
                Integer.toString(config.kafkaPort()),
                Integer.toString(config.kafkaControllerPort()));
        ManagedProcess process = track(null, ManagedProcess.start(BROKER_NAME, command, Map.of(),
                config.dataDir(), config.logDir().resolve(BROKER_NAME + ".log")));
        boolean listening = Waits.poll(BROKER_TIMEOUT, POLL_INTERVAL, () -> {
            requireRunning(process);
            return accepts(config.kafkaPort());
        });
        if (!listening) {
            throw new IllegalStateException("The Kafka broker did not open port " + config.kafkaPort() + " within "
                    + BROKER_TIMEOUT.toSeconds() + " s. " + process.report());
        }
        LOG.infof("Kafka broker listening at %s", config.kafkaBootstrapServers());
    }

    private void startService(GrantflowService service) {
        List<String> command = List.of(javaExecutable(), "-jar", service.runnerJar(config.repoDir()).toString());
        // The JVMs run from the data folder so that no stray config/ or .env in the repository applies.
        track(service, ManagedProcess.start(service.module(), command, serviceEnvironment(service),
                config.dataDir(), config.logDir().resolve(service.module() + ".log")));
    }

    /** The service's configuration, as the environment variables Quarkus maps onto its properties. */
    private Map<String, String> serviceEnvironment(GrantflowService service) {
        Map<String, String> env = new LinkedHashMap<>();
        synchronized (this) {
            env.put("QUARKUS_HTTP_PORT", Integer.toString(config.port(service)));
            env.put("QUARKUS_DATASOURCE_JDBC_URL", postgres.jdbcUrl(config.database(service)));
            env.put("QUARKUS_DATASOURCE_USERNAME", postgres.user());
            env.put("QUARKUS_DATASOURCE_PASSWORD", postgres.password());
        }
        env.put("KAFKA_BOOTSTRAP_SERVERS", config.kafkaBootstrapServers());
        env.put("MP_JWT_VERIFY_PUBLICKEY_LOCATION", config.jwtDir().resolve("public-key.pem").toString());
        env.put("MP_JWT_VERIFY_ISSUER", Tokens.ISSUER);
        if (service == GrantflowService.NOTIFICATIONS && System.getenv("QUARKUS_MAILER_HOST") == null) {
            // No SMTP server named: log mail instead of sending it (children inherit a configured one).
            env.put("QUARKUS_MAILER_MOCK", "true");
        }
        return env;
    }

    private void awaitReady(GrantflowService service, long readyBy) {
        ManagedProcess process;
        synchronized (this) {
            process = services.get(service);
        }
        URI health = baseUri(service).resolve("/q/health/ready");
        Duration left = Duration.ofNanos(Math.max(0, readyBy - System.nanoTime()));
        boolean ready = Waits.poll(left, POLL_INTERVAL, () -> {
            requireRunning(process);
            return answersOk(health);
        });
        if (!ready) {
            throw new IllegalStateException(service.module() + " was not ready at " + health + " within "
                    + READY_TIMEOUT.toSeconds() + " s. " + process.report());
        }
        LOG.infof("%s ready at %s", service.module(), baseUri(service));
    }

    /** Registers a started process for close(), or stops it at once if close() has already begun. */
    private synchronized ManagedProcess track(GrantflowService service, ManagedProcess process) {
        if (closed) {
            process.stop(STOP_GRACE);
            throw new CancellationException("Grantflow is shutting down");
        }
        if (service == null) {
            broker = process;
        } else {
            services.put(service, process);
        }
        return process;
    }

    private void requireRunning(ManagedProcess process) {
        synchronized (this) {
            ensureOpen();
        }
        if (!process.isAlive()) {
            throw new IllegalStateException("Grantflow could not start: " + process.report());
        }
    }

    private void ensureOpen() {
        if (closed) {
            throw new CancellationException("Grantflow is shutting down");
        }
    }

    private boolean answersOk(URI uri) {
        try {
            HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5)).GET().build();
            return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false; // not listening yet
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("Interrupted while waiting for " + uri);
        }
    }

    private static boolean accepts(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 1000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * Stops the services, then the broker, then an embedded PostgreSQL. A throw-away system also
     * drops its databases and deletes its broker data. Safe to call more than once.
     */
    @Override
    public void close() {
        List<ManagedProcess> running;
        ManagedProcess brokerProcess;
        Postgres pg;
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            running = new ArrayList<>(services.values());
            brokerProcess = broker;
            pg = postgres;
        }
        removeShutdownHook();
        LOG.info("Stopping Grantflow");
        // The services first, all at once, so none of them is left without the broker or database.
        running.forEach(ManagedProcess::requestStop);
        running.forEach(process -> process.awaitStop(STOP_GRACE));
        if (brokerProcess != null) {
            brokerProcess.stop(STOP_GRACE);
        }
        if (pg != null) {
            if (!config.keepData()) {
                config.databases().values().forEach(pg::dropDatabase);
            }
            pg.close();
        }
        if (!config.keepData()) {
            deleteRecursively(config.kafkaDir());
        }
        LOG.info("Grantflow stopped");
    }

    private void removeShutdownHook() {
        if (Thread.currentThread() == shutdownHook) {
            return;
        }
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException e) {
            // The JVM is already shutting down; the hook will find the system closed.
        }
    }

    private static void requireBuiltServices(LauncherConfig config) {
        List<String> missing = new ArrayList<>();
        for (GrantflowService service : GrantflowService.values()) {
            Path jar = service.runnerJar(config.repoDir());
            if (!Files.isRegularFile(jar)) {
                missing.add("  " + jar);
            }
        }
        if (!missing.isEmpty()) {
            throw new IllegalStateException("These services are not built:\n" + String.join("\n", missing)
                    + "\nBuild them with `mvn -DskipTests install` in " + config.repoDir()
                    + " (deploy/grantflow does it for you).");
        }
    }

    /** A port taken by something else would make readiness checks talk to the wrong program. */
    private static void requireFreePorts(LauncherConfig config) {
        Map<String, Integer> ports = new LinkedHashMap<>();
        ports.put("the Kafka broker (" + LauncherConfig.KAFKA_PORT_VARIABLE + ")", config.kafkaPort());
        ports.put("the Kafka controller (" + LauncherConfig.KAFKA_CONTROLLER_PORT_VARIABLE + ")",
                config.kafkaControllerPort());
        for (GrantflowService service : GrantflowService.values()) {
            ports.put(service.module() + " (" + service.portVariable() + ")", config.port(service));
        }
        List<String> taken = new ArrayList<>();
        ports.forEach((user, port) -> {
            if (!isFree(port)) {
                taken.add("  " + port + " for " + user);
            }
        });
        if (!taken.isEmpty()) {
            throw new IllegalStateException("These ports are in use (is Grantflow already running?):\n"
                    + String.join("\n", taken) + "\nStop what uses them, or set the variables named to other ports.");
        }
    }

    private static boolean isFree(int port) {
        // The wildcard address clashes with listeners on any interface, loopback included.
        try (ServerSocket socket = new ServerSocket(port)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * The launcher's own class path, which has the Kafka jars: its jar (whose manifest names the
     * jars in lib/) under {@code java -jar}, or the build tool's class path in a test. Made absolute
     * because the child runs in another folder.
     */
    private static String ownClassPath() {
        return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(entry -> !entry.isBlank())
                .map(entry -> Path.of(entry).toAbsolutePath().toString())
                .collect(Collectors.joining(File.pathSeparator));
    }

    private static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static void createDirectories(Path... dirs) {
        try {
            for (Path dir : dirs) {
                Files.createDirectories(dir);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not create " + e.getMessage(), e);
        }
    }

    private static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            LOG.warnf("Could not delete %s: %s", dir, e.getMessage());
        }
    }
}
