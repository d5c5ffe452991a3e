import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A CivicGraph webhook endpoint in one file, with nothing but the JDK (17 or newer):
 *
 * <pre>
 *   WEBHOOK_SECRETS=whsec_... java examples/webhook-receiver/WebhookReceiver.java 8099
 * </pre>
 *
 * It answers the CloudEvents webhook handshake (OPTIONS), verifies the {@code CivicGraph-Signature} of every
 * delivery against its secrets (several, comma-separated, while a secret is being rotated), refuses requests signed
 * more than five minutes ago (replays), drops events it has already handled by {@code ce-id} (delivery is at least
 * once), and prints the rest. Answering 2xx tells CivicGraph the event is handled; anything else, or no answer within
 * 10 s, makes it try again later.
 */
public class WebhookReceiver {

    /** Who may send: CivicGraph names itself in WebHook-Request-Origin during the handshake. */
    static final String ALLOWED_ORIGIN = env("CIVICGRAPH_ORIGIN", "civicgraph.org");
    static final long TOLERANCE_SECONDS = 300;
    static final int REMEMBERED_IDS = 100_000;

    final List<String> secrets;
    /** Recently handled ce-id values, oldest first. A real receiver keeps them with the data it changes, in one transaction. */
    final Set<String> handled = Collections.newSetFromMap(new LinkedHashMap<>(16, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
            return size() > REMEMBERED_IDS;
        }
    });

    WebhookReceiver(List<String> secrets) {
        this.secrets = secrets;
    }

    public static void main(String[] args) throws IOException {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : 8099;
        List<String> secrets = new ArrayList<>();
        for (String secret : env("WEBHOOK_SECRETS", "").split(",")) {
            if (!secret.isBlank()) {
                secrets.add(secret.trim());
            }
        }
        if (secrets.isEmpty()) {
            System.err.println("Set WEBHOOK_SECRETS to the secret registerWebhook returned (old,new while rotating).");
            System.exit(2);
        }
        WebhookReceiver receiver = new WebhookReceiver(secrets);
        HttpServer server = HttpServer.create(new InetSocketAddress(port), 0);
        server.createContext("/", receiver::handle);
        server.start();
        System.out.println("Receiving CivicGraph webhooks on http://127.0.0.1:" + port + "/ (register it with registerWebhook)");
    }

    void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            switch (exchange.getRequestMethod()) {
                case "OPTIONS" -> handshake(exchange);
                case "POST" -> delivery(exchange);
                default -> exchange.sendResponseHeaders(405, -1);
            }
        }
    }

    /** CloudEvents webhook spec, section 4: agree to receive events from CivicGraph's origin only. */
    void handshake(HttpExchange exchange) throws IOException {
        String origin = exchange.getRequestHeaders().getFirst("WebHook-Request-Origin");
        if (!ALLOWED_ORIGIN.equals(origin)) {
            exchange.sendResponseHeaders(403, -1);
            return;
        }
        exchange.getResponseHeaders().add("WebHook-Allowed-Origin", origin);
        exchange.getResponseHeaders().add("WebHook-Allowed-Rate", "600"); // requests per minute; leave out for no limit
        exchange.sendResponseHeaders(200, -1);
    }

    void delivery(HttpExchange exchange) throws IOException {
        byte[] body = exchange.getRequestBody().readAllBytes();
        String signature = exchange.getRequestHeaders().getFirst("CivicGraph-Signature");
        if (!verifies(signature, body, secrets, Instant.now().getEpochSecond())) {
            exchange.sendResponseHeaders(401, -1);
            return;
        }
        String id = exchange.getRequestHeaders().getFirst("ce-id");
        synchronized (handled) {
            if (!handled.add(id)) {
                System.out.println("duplicate " + id + " dropped");
                exchange.sendResponseHeaders(204, -1); // already handled: acknowledge, so it is not sent again
                return;
            }
        }
        System.out.printf("%s %s %s%n  %s%n", exchange.getRequestHeaders().getFirst("ce-type"),
                exchange.getRequestHeaders().getFirst("ce-subject"), id, new String(body, StandardCharsets.UTF_8));
        exchange.sendResponseHeaders(204, -1);
    }

    /**
     * {@code CivicGraph-Signature: t=<unix seconds>,v1=<hex>[,v1=<hex>]}: each v1 is HMAC-SHA256, keyed with a secret,
     * over {@code "<t>." + body}. Valid when t is recent and any v1 matches any of our secrets.
     */
    static boolean verifies(String header, byte[] body, List<String> secrets, long now) {
        if (header == null) {
            return false;
        }
        long timestamp = -1;
        List<byte[]> signatures = new ArrayList<>();
        for (String part : header.split(",")) {
            String[] pair = part.trim().split("=", 2);
            if (pair.length != 2) {
                continue;
            }
            try {
                if (pair[0].equals("t")) {
                    timestamp = Long.parseLong(pair[1]);
                } else if (pair[0].equals("v1")) {
                    signatures.add(HexFormat.of().parseHex(pair[1]));
                }
            } catch (IllegalArgumentException malformed) {
                return false;
            }
        }
        if (timestamp < 0 || Math.abs(now - timestamp) > TOLERANCE_SECONDS) {
            return false;
        }
        for (String secret : secrets) {
            byte[] expected = hmac(secret, timestamp, body);
            for (byte[] signature : signatures) {
                if (MessageDigest.isEqual(expected, signature)) { // constant time
                    return true;
                }
            }
        }
        return false;
    }

    static byte[] hmac(String secret, long timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update((timestamp + ".").getBytes(StandardCharsets.UTF_8));
            return mac.doFinal(body);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
