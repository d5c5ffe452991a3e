package org.civicgraph.webhooks;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.function.Predicate;

/**
 * A real webhook endpoint on loopback (the JDK's HTTP server): answers the handshake, records every delivery with its
 * headers and body, and can refuse, fail, answer slowly, or be stopped and started again on the same port.
 */
final class TestReceiver implements AutoCloseable {

    record Received(String id, String type, String source, String subject, String time, String signature, String contentType,
                    String body, Instant at) {
    }

    private final List<Received> received = new ArrayList<>();
    private final List<Map<String, String>> handshakes = new ArrayList<>();
    private final List<Received> attempts = new ArrayList<>();
    private volatile int status = 200;
    private volatile boolean allowHandshake = true;
    private volatile String allowedRate;
    private volatile Duration delay = Duration.ZERO;
    private HttpServer server;
    private int port;

    private TestReceiver() {
    }

    static TestReceiver start() {
        TestReceiver receiver = new TestReceiver();
        receiver.listen(0);
        return receiver;
    }

    private void listen(int onPort) {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), onPort), 50);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.createContext("/", this::handle);
        server.setExecutor(Executors.newCachedThreadPool());
        server.start();
        port = server.getAddress().getPort();
    }

    String url() {
        return "http://127.0.0.1:" + port + "/hooks";
    }

    /** Stops listening: connections are refused until {@link #comeBack()}. */
    void goDown() {
        server.stop(0);
    }

    void comeBack() {
        listen(port);
    }

    TestReceiver answering(int status) {
        this.status = status;
        return this;
    }

    TestReceiver slow(Duration delay) {
        this.delay = delay;
        return this;
    }

    TestReceiver refusingHandshake() {
        this.allowHandshake = false;
        return this;
    }

    TestReceiver allowingHandshake() {
        this.allowHandshake = true;
        return this;
    }

    TestReceiver allowingRate(String rate) {
        this.allowedRate = rate;
        return this;
    }

    synchronized List<Received> received() {
        return List.copyOf(received);
    }

    synchronized List<Received> received(Predicate<Received> which) {
        return received.stream().filter(which).toList();
    }

    /** Every delivery request of the given source, whatever was answered. */
    synchronized int posts(String source) {
        return posts(r -> source.equals(r.source()));
    }

    synchronized List<Received> attempts(Predicate<Received> which) {
        return attempts.stream().filter(which).toList();
    }

    synchronized int posts(Predicate<Received> which) {
        return (int) attempts.stream().filter(which).count();
    }

    /** The events of the given source that were received (answered with 2xx), in the order they arrived. */
    synchronized List<Received> received(String source) {
        return received(r -> source.equals(r.source()));
    }

    synchronized List<Map<String, String>> handshakes() {
        return List.copyOf(handshakes);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (exchange.getRequestMethod().equals("OPTIONS")) {
                Map<String, String> headers = new LinkedHashMap<>();
                exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(), values.get(0)));
                synchronized (this) {
                    handshakes.add(headers);
                }
                if (allowHandshake) {
                    exchange.getResponseHeaders().add("WebHook-Allowed-Origin", headers.getOrDefault("webhook-request-origin", "*"));
                    if (allowedRate != null) {
                        exchange.getResponseHeaders().add("WebHook-Allowed-Rate", allowedRate);
                    }
                    exchange.sendResponseHeaders(200, -1);
                } else {
                    exchange.sendResponseHeaders(405, -1);
                }
                return;
            }
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            if (!delay.isZero()) {
                try {
                    Thread.sleep(delay.toMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            int answer = status;
            var headers = exchange.getRequestHeaders();
            Received request = new Received(headers.getFirst("ce-id"), headers.getFirst("ce-type"), headers.getFirst("ce-source"),
                    headers.getFirst("ce-subject"), headers.getFirst("ce-time"), headers.getFirst("CivicGraph-Signature"),
                    headers.getFirst("Content-Type"), body, Instant.now());
            synchronized (this) {
                attempts.add(request);
                if (answer >= 200 && answer < 300) {
                    received.add(request);
                }
            }
            exchange.sendResponseHeaders(answer, -1);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
