package org.civicgraph.gateway.downstream;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiFunction;

/**
 * Services that answer GraphQL over real HTTP on loopback, one path each ({@code /plans} ...), with JSON the test
 * writes as the real service would answer; every request is kept, by service, so a test can check what was asked.
 * Registered as a JUnit extension ({@code @RegisterExtension static}), it forgets the requests before each test and
 * stops after the class; {@link #pointGatewayHere} from the test's {@code @DynamicPropertySource} sends the gateway to it.
 */
public final class FakeServices implements AutoCloseable, BeforeEachCallback, AfterAllCallback {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final List<String> services;
    private final HttpServer server;
    private final Map<String, List<JsonNode>> requests = new ConcurrentHashMap<>();
    private final Map<String, List<String>> authorizations = new ConcurrentHashMap<>();

    private FakeServices(List<String> services, HttpServer server) {
        this.services = List.copyOf(services);
        this.server = server;
    }

    /** @param answer the response body for a service's request (the request as JSON: query and variables) */
    public static FakeServices start(List<String> services, BiFunction<String, JsonNode, String> answer) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            FakeServices fakes = new FakeServices(services, server);
            for (String service : services) {
                server.createContext("/" + service, exchange -> {
                    JsonNode request = JSON.readTree(exchange.getRequestBody().readAllBytes());
                    fakes.requests.computeIfAbsent(service, unused -> new CopyOnWriteArrayList<>()).add(request);
                    fakes.authorizations.computeIfAbsent(service, unused -> new CopyOnWriteArrayList<>())
                            .add(String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
                    byte[] body = answer.apply(service, request).getBytes(StandardCharsets.UTF_8);
                    exchange.getResponseHeaders().add("Content-Type", "application/json");
                    exchange.sendResponseHeaders(200, body.length);
                    try (OutputStream out = exchange.getResponseBody()) {
                        out.write(body);
                    }
                });
            }
            server.start();
            return fakes;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Points the gateway's URL of each of these services here. */
    public void pointGatewayHere(DynamicPropertyRegistry registry) {
        services.forEach(service -> registry.add("civicgraph.gateway.services." + service, () -> url(service)));
    }

    public String url(String service) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/" + service;
    }

    /** What a service was asked, in order; empty when it was not asked. */
    public List<JsonNode> requests(String service) {
        return requests.getOrDefault(service, List.of());
    }

    /** The Authorization header of each request a service was sent ("null" where there was none). */
    public List<String> authorizations(String service) {
        return authorizations.getOrDefault(service, List.of());
    }

    public java.util.Set<String> asked() {
        return requests.keySet();
    }

    public void forget() {
        requests.clear();
        authorizations.clear();
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        forget();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
