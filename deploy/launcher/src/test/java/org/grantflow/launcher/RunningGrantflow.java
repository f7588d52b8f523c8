package org.grantflow.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * One {@link GrantflowSystem} of the packaged services for every test class of the JVM that takes it
 * as a parameter ({@code @BeforeAll static void connect(GrantflowSystem system)}): starting one costs
 * about 25 s. It starts on first use and stops when the test run ends (JUnit closes what the root
 * store holds). Tests that share it make their own funds, rounds and organisations, so they do not
 * see each other's data.
 *
 * <p>Needs the services' {@code target/quarkus-app} builds, which the reactor makes before this
 * module. The services' logs stay in {@code target/e2e/run-*}/logs for a failed run.
 */
final class RunningGrantflow implements ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(RunningGrantflow.class);

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == GrantflowSystem.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return context.getRoot().getStore(NAMESPACE)
                .computeIfAbsent(GrantflowSystem.class, key -> start(), GrantflowSystem.class);
    }

    private static GrantflowSystem start() {
        Path repo = Launcher.findRepoAbove(Path.of(System.getProperty("grantflow.project.dir", "")))
                .orElseThrow(() -> new IllegalStateException("Run this test inside the Grantflow repository"));
        try {
            Path dataDir = Files.createTempDirectory(Files.createDirectories(Path.of("target/e2e")), "run-");
            // Fresh databases beside any others on a shared PostgreSQL; dropped again on close.
            String databasePrefix = "e2e_" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
            return GrantflowSystem.start(LauncherConfig.isolated(repo, dataDir, databasePrefix));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
