package org.civicgraph.gateway.change;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A GraphQL client of the graphql-ws protocol (subprotocol {@code graphql-transport-ws}) over the JDK's WebSocket:
 * connection_init with the token, subscribe, then the server's messages in arrival order; answers pings.
 */
public final class GraphQlWsClient implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final BlockingQueue<JsonNode> messages = new LinkedBlockingQueue<>();
    private final CompletableFuture<Integer> closed = new CompletableFuture<>();
    private final WebSocket socket;

    private GraphQlWsClient(URI endpoint) {
        this.socket = HttpClient.newHttpClient().newWebSocketBuilder()
                .subprotocols("graphql-transport-ws")
                .connectTimeout(Duration.ofSeconds(10))
                .buildAsync(endpoint, new Listener()).join();
    }

    /** Connects and sends connection_init, with the bearer token when there is one; does not wait for the ack. */
    public static GraphQlWsClient connect(int port, String token) {
        GraphQlWsClient client = new GraphQlWsClient(URI.create("ws://127.0.0.1:" + port + "/graphql"));
        Map<String, Object> payload = token == null ? Map.of() : Map.of("Authorization", "Bearer " + token);
        client.send(Map.of("type", "connection_init", "payload", payload));
        return client;
    }

    public void subscribe(String id, String query, Map<String, Object> variables) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("query", query);
        payload.put("variables", variables);
        send(Map.of("id", id, "type", "subscribe", "payload", payload));
    }

    /** The next message from the server other than a ping, or null after the timeout. */
    public JsonNode next(Duration timeout) throws InterruptedException {
        return messages.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** The close code, once the server has closed the connection. */
    public CompletableFuture<Integer> closed() {
        return closed;
    }

    private void send(Map<String, Object> message) {
        socket.sendText(JSON.writeValueAsString(message), true).join();
    }

    @Override
    public void close() {
        if (!socket.isOutputClosed()) {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "done").exceptionally(e -> null);
        }
        socket.abort();
    }

    private final class Listener implements WebSocket.Listener {

        private final StringBuilder partial = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                JsonNode message = JSON.readTree(partial.toString());
                partial.setLength(0);
                if ("ping".equals(message.path("type").asString())) {
                    send(Map.of("type", "pong"));
                } else {
                    messages.add(message);
                }
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            closed.complete(statusCode);
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            closed.completeExceptionally(error);
        }
    }
}
