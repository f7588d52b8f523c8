package org.grantflow.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The checks {@link GrantflowSystem#start} makes before it starts anything. */
class GrantflowSystemTest {

    @TempDir
    Path repo;

    @Test
    void namesEveryServiceThatIsNotBuiltAndStartsNothing() throws IOException {
        Path dataDir = repo.resolve("data");
        fakeRunnerJar(GrantflowService.FUNDS);
        LauncherConfig config = LauncherConfig.isolated(repo, dataDir, "unit");

        IllegalStateException e = assertThrows(IllegalStateException.class, () -> GrantflowSystem.start(config));

        assertTrue(e.getMessage().contains(GrantflowService.GRANTS.runnerJar(repo).toString()), e.getMessage());
        assertTrue(e.getMessage().contains(GrantflowService.NOTIFICATIONS.runnerJar(repo).toString()), e.getMessage());
        assertFalse(e.getMessage().contains("funds-service"), e.getMessage());
        assertFalse(Files.exists(dataDir), "nothing was started or written");
    }

    @Test
    void refusesPortsThatSomethingElseListensOn() throws IOException {
        for (GrantflowService service : GrantflowService.values()) {
            fakeRunnerJar(service);
        }
        LauncherConfig config = LauncherConfig.isolated(repo, repo.resolve("data"), "unit");

        try (ServerSocket squatter = new ServerSocket(config.port(GrantflowService.NOTIFICATIONS))) {
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> GrantflowSystem.start(config));

            assertEquals("These ports are in use (is Grantflow already running?):\n"
                    + "  " + squatter.getLocalPort() + " for notifications-service (GRANTFLOW_NOTIFICATIONS_PORT)\n"
                    + "Stop what uses them, or set the variables named to other ports.", e.getMessage());
        }
        assertFalse(Files.exists(repo.resolve("data")), "nothing was started or written");
    }

    private void fakeRunnerJar(GrantflowService service) throws IOException {
        Path jar = service.runnerJar(repo);
        Files.createDirectories(jar.getParent());
        Files.write(jar, new byte[0]);
    }
}
