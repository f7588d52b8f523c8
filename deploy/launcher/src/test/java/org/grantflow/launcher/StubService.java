package org.grantflow.launcher;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;
import java.util.logging.Logger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * Stands in for a packaged Quarkus service in {@link GrantflowSystemIT}: it listens on
 * {@code QUARKUS_HTTP_PORT}, is always ready, and shows the environment it was started with at
 * {@code /env} as {@code NAME=value} lines.
 */
public final class StubService {

    private StubService() {
    }

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(System.getenv("QUARKUS_HTTP_PORT"));
        HttpServer server = HttpServer.create(new InetSocketAddress(port), 0);
        server.createContext("/q/health/ready", exchange -> answer(exchange, "{\"status\":\"UP\"}"));
        server.createContext("/env", exchange -> {
            StringBuilder lines = new StringBuilder();
            new TreeMap<>(System.getenv()).forEach((name, value) -> lines.append(name).append('=').append(value)
                    .append('\n'));
            answer(exchange, lines.toString());
        });
        // The server's thread keeps the JVM running until the launcher stops it.
        server.start();
        // Goes to the process's log, which the launcher keeps per service.
        Logger.getLogger(StubService.class.getName()).info("stub service listening on port " + port);
    }

    static Map<String, String> parseEnv(String lines) {
        Map<String, String> env = new TreeMap<>();
        for (String line : lines.split("\n")) {
            int eq = line.indexOf('=');
            if (eq > 0) {
                env.put(line.substring(0, eq), line.substring(eq + 1));
            }
        }
        return env;
    }

    private static void answer(HttpExchange exchange, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(200, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
