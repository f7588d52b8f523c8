package org.grantflow.notifications.webhook;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A partner portal's webhook receiver, a real HTTP server: it verifies each call's signature with
 * the secret of its path, as a partner would, and answers as each path is told to.
 */
final class PartnerPortal implements AutoCloseable {

    /** One call as received, and whether its signature checked out. */
    record Call(String path, String timestamp, String signature, String body, boolean verified) {
    }

    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final Map<String, String> secrets = new ConcurrentHashMap<>();
    private final Map<String, Integer> answers = new ConcurrentHashMap<>();
    private final List<Call> calls = new CopyOnWriteArrayList<>();
    private final CountDownLatch release = new CountDownLatch(1);

    PartnerPortal() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", this::handle);
        server.setExecutor(threads);
        server.start();
    }

    String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    void secret(String path, String secret) {
        secrets.put(path, secret);
    }

    /**
     * The status to answer on a path (200 unless told); -1 hangs until the portal closes; -2 answers
     * 200 at once but holds back the body it announced until the portal closes.
     */
    void answer(String path, int status) {
        answers.put(path, status);
    }

    List<Call> calls(String path) {
        return calls.stream().filter(c -> c.path().equals(path)).toList();
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        String timestamp = exchange.getRequestHeaders().getFirst("Grantflow-Timestamp");
        String signature = exchange.getRequestHeaders().getFirst("Grantflow-Signature");
        boolean verified = verify(secrets.get(path), timestamp, signature, body);
        calls.add(new Call(path, timestamp, signature, body, verified));
        int status = answers.getOrDefault(path, 200);
        if (status == -2 && verified) {
            exchange.sendResponseHeaders(200, 2);
            exchange.getResponseBody().flush();
            awaitClose();
            exchange.getResponseBody().write("ok".getBytes(StandardCharsets.UTF_8));
            exchange.close();
            return;
        }
        if (status == -1) {
            awaitClose();
            status = 200;
        }
        exchange.sendResponseHeaders(verified ? status : 401, -1);
        exchange.close();
    }

    private void awaitClose() {
        try {
            release.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** What a partner does: HMAC-SHA256 of timestamp + "." + body with its secret, compared in constant time. */
    static boolean verify(String secret, String timestamp, String signature, String body) {
        if (secret == null || timestamp == null || signature == null || !signature.startsWith("v1=")) {
            return false;
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] expected = mac.doFinal((timestamp + "." + body).getBytes(StandardCharsets.UTF_8));
            return MessageDigest.isEqual(expected, HexFormat.of().parseHex(signature.substring(3)));
        } catch (Exception e) {
            return false;
        }
    }

    @Override
    public void close() {
        release.countDown();
        server.stop(0);
        threads.shutdownNow();
    }
}
