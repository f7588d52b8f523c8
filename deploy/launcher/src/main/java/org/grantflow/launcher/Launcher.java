package org.grantflow.launcher;

import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;

import org.grantflow.infra.Tokens;

/**
 * The {@code grantflow} command line: {@code up [--demo]} runs the whole system until Ctrl-C, and
 * {@code token --role ROLE [--org ID]} prints a bearer token the running services accept.
 * Configuration comes from the environment; see {@link LauncherConfig#fromEnvironment}.
 */
public final class Launcher {

    static {
        // Before any logger exists: JUL, JBoss Logging and SLF4J then share logging.properties.
        if (System.getProperty("java.util.logging.manager") == null) {
            System.setProperty("java.util.logging.manager", "org.jboss.logmanager.LogManager");
        }
    }

    static final String USAGE = """
            Usage: deploy/grantflow <command>

              up [--demo]       Start PostgreSQL, Kafka and the three services; stop them with Ctrl-C.
                                --demo also loads the demo funds, applicant organisations and rounds
                                (the rounds use the brief's dates moved to the next year).
              token --role <partner|assessor|finance|admin> [--org <organisationId>]
                                Print a bearer token for the running services (valid 8 hours).
                                A partner token needs the organisation the partner acts for.
              help              Show this text.

            Environment: GRANTFLOW_HOME (data folder, default <repo>/.grantflow),
              GRANTFLOW_GRANTS_PORT (8081), GRANTFLOW_FUNDS_PORT (8082), GRANTFLOW_NOTIFICATIONS_PORT (8083),
              GRANTFLOW_KAFKA_PORT (9092), GRANTFLOW_KAFKA_CONTROLLER_PORT (9093),
              GRANTFLOW_PG_HOST/PORT/USER/PASSWORD (a PostgreSQL to use instead of an embedded one).""";

    static final List<String> ROLES = List.of("partner", "assessor", "finance", "admin");

    static final int OK = 0;
    static final int FAILED = 1;
    static final int BAD_USAGE = 2;

    /** A parsed command line. */
    sealed interface Command permits Up, Token, Help {
    }

    record Up(boolean demo) implements Command {
    }

    record Token(String role, String organisationId) implements Command {
    }

    record Help() implements Command {
    }

    /** A command line that makes no sense; its message says why. */
    static final class UsageException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        UsageException(String message) {
            super(message);
        }
    }

    private final PrintStream out;
    private final PrintStream err;
    private final Map<String, String> env;
    private final Path repoDir;

    Launcher(PrintStream out, PrintStream err, Map<String, String> env, Path repoDir) {
        this.out = out;
        this.err = err;
        this.env = env;
        this.repoDir = repoDir;
    }

    public static void main(String[] args) {
        int status;
        try {
            status = new Launcher(System.out, System.err, System.getenv(), locateRepo()).run(args);
        } catch (IllegalStateException e) {
            System.err.println("grantflow: " + e.getMessage());
            status = FAILED;
        }
        System.exit(status);
    }

    /** Runs one command; returns the process exit status. {@code up} returns only if it fails. */
    int run(String... args) {
        Command command;
        try {
            command = parse(args);
        } catch (UsageException e) {
            err.println("grantflow: " + e.getMessage());
            err.println();
            err.println(USAGE);
            return BAD_USAGE;
        }
        try {
            if (command instanceof Up up) {
                return up(up.demo());
            }
            if (command instanceof Token token) {
                out.println(token(token));
                return OK;
            }
            out.println(USAGE);
            return OK;
        } catch (IllegalStateException | IllegalArgumentException | UncheckedIOException e) {
            err.println("grantflow: " + e.getMessage());
            return FAILED;
        }
    }

    static Command parse(String... args) {
        if (args.length == 0) {
            throw new UsageException("no command given");
        }
        List<String> rest = new ArrayList<>(List.of(args).subList(1, args.length));
        switch (args[0]) {
            case "up" -> {
                boolean demo = rest.remove("--demo");
                requireNothingLeft(rest);
                return new Up(demo);
            }
            case "token" -> {
                String role = option(rest, "--role")
                        .orElseThrow(() -> new UsageException("token needs --role, one of " + String.join(", ", ROLES)));
                Optional<String> org = option(rest, "--org");
                requireNothingLeft(rest);
                if (!ROLES.contains(role)) {
                    throw new UsageException("unknown role '" + role + "'; use one of " + String.join(", ", ROLES));
                }
                if (role.equals("partner") && org.isEmpty()) {
                    throw new UsageException("a partner token needs --org <organisationId>");
                }
                if (!role.equals("partner") && org.isPresent()) {
                    throw new UsageException("--org applies only to --role partner; staff act for no organisation");
                }
                return new Token(role, org.orElse(null));
            }
            case "help", "-h", "--help" -> {
                return new Help();
            }
            default -> throw new UsageException("unknown command '" + args[0] + "'");
        }
    }

    private int up(boolean demo) {
        LauncherConfig config = LauncherConfig.fromEnvironment(repoDir, env);
        // The system's shutdown hook stops everything when Ctrl-C ends this JVM.
        GrantflowSystem system = GrantflowSystem.start(config);
        if (demo) {
            try {
                HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
                DemoData demoData = new DemoData(http);
                demoData.load(config.baseUri(GrantflowService.FUNDS), system.tokens().staff("finance"));
                demoData.loadGrants(config.baseUri(GrantflowService.GRANTS), system.tokens().staff("admin"));
            } catch (RuntimeException e) {
                system.close();
                throw e;
            }
        }
        printWelcome(config, demo);
        try {
            new CountDownLatch(1).await(); // until Ctrl-C; the JVM exits once the hook is done
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        system.close();
        return OK;
    }

    private String token(Token command) {
        Tokens tokens = Tokens.withKeysIn(LauncherConfig.fromEnvironment(repoDir, env).jwtDir());
        return command.role().equals("partner")
                ? tokens.partner(command.organisationId())
                : tokens.staff(command.role());
    }

    private void printWelcome(LauncherConfig config, boolean demo) {
        out.println();
        out.println("Grantflow is running.");
        for (GrantflowService service : GrantflowService.values()) {
            out.printf("  %-22s %s   Swagger UI: %s%n", service.module(), config.baseUri(service),
                    config.baseUri(service).resolve("/q/swagger-ui"));
        }
        out.printf("  %-22s %s%n", "Kafka", config.kafkaBootstrapServers());
        out.printf("  %-22s %s%n", "Data and logs", config.dataDir());
        out.println();
        out.println("Get a token (valid 8 hours) and call the API, for example:");
        out.println("  TOKEN=$(deploy/grantflow token --role finance)");
        out.printf("  curl -H \"Authorization: Bearer $TOKEN\" %s%s%n", config.baseUri(GrantflowService.FUNDS),
                DemoData.FUNDS_PATH);
        out.println("Roles: assessor, finance, admin, and partner with --org <organisationId>.");
        if (demo) {
            out.println("Demo data: the brief's funds, applicant organisations (e.g. --org north-district-council)");
            out.printf("  and rounds at %s%s; %s.%n", config.baseUri(GrantflowService.GRANTS), DemoData.ROUNDS_PATH,
                    DemoData.DATES_MOVED);
        }
        out.println("In Swagger UI, paste the token under Authorize.");
        out.println();
        out.println("Press Ctrl-C to stop.");
        out.flush();
    }

    /** Removes {@code name value} from {@code args}; a name without a value is a usage error. */
    private static Optional<String> option(List<String> args, String name) {
        int at = args.indexOf(name);
        if (at < 0) {
            return Optional.empty();
        }
        if (at + 1 >= args.size() || args.get(at + 1).startsWith("--")) {
            throw new UsageException(name + " needs a value");
        }
        String value = args.get(at + 1);
        args.subList(at, at + 2).clear();
        if (args.contains(name)) {
            throw new UsageException(name + " given twice");
        }
        return Optional.of(value);
    }

    private static void requireNothingLeft(List<String> args) {
        if (!args.isEmpty()) {
            throw new UsageException("unexpected " + String.join(" ", args));
        }
    }

    /**
     * The repository root: the system property {@code grantflow.project.dir}, else the folder holding
     * {@code deploy/launcher/pom.xml} above this jar (or its classes), else above the working folder.
     */
    static Path locateRepo() {
        String configured = System.getProperty("grantflow.project.dir");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured).toAbsolutePath().normalize();
        }
        List<Path> starts = new ArrayList<>();
        CodeSource code = Launcher.class.getProtectionDomain().getCodeSource();
        if (code != null) {
            try {
                starts.add(Path.of(code.getLocation().toURI()));
            } catch (URISyntaxException | IllegalArgumentException e) {
                // not a local file (unusual class loader); the working folder still works
            }
        }
        starts.add(Path.of("").toAbsolutePath());
        return starts.stream()
                .map(Launcher::findRepoAbove)
                .flatMap(Optional::stream)
                .findFirst()
                .orElseThrow(() -> new IllegalStateException(
                        "Cannot find the Grantflow repository (a folder with deploy/launcher/pom.xml) above "
                                + starts + "; run this from inside it."));
    }

    static Optional<Path> findRepoAbove(Path start) {
        for (Path dir = start.toAbsolutePath().normalize(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("deploy/launcher/pom.xml"))) {
                return Optional.of(dir);
            }
        }
        return Optional.empty();
    }
}
