package org.civicgraph.local;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A development-only OpenID Connect token issuer. It signs JWTs with a key made at start-up and serves
 * the discovery document and JWKS, so services validate its tokens through the same resource-server code
 * path they use against a production identity provider. Bound to loopback only.
 *
 * <pre>
 * GET /.well-known/openid-configuration
 * GET /jwks
 * GET /token?organisation=boston-bc&amp;roles=editor&amp;subject=alice                 (a user's token)
 * POST /token  grant_type=client_credentials, client_id and client_secret in the form or HTTP Basic   (a service account's)
 * </pre>
 * A service account's token carries its organisation and roles like a user's, so the same ownership rules apply,
 * and a {@code client_id} claim (RFC 9068) by which services limit each client's rate.
 */
public final class DevTokenIssuer implements AutoCloseable {

    public static final String ORGANISATION_CLAIM = "org";
    public static final String ROLES_CLAIM = "roles";
    public static final String CLIENT_ID_CLAIM = "client_id";
    private static final Duration CLIENT_TOKEN_LIFETIME = Duration.ofMinutes(15);
    private static final String DEMO_SERVICE_ACCOUNTS = "/civicgraph/dev-service-accounts.properties";

    private final RSAKey signingKey;
    private final HttpServer server;
    private final String issuer;
    private final Map<String, ServiceAccount> clients = new ConcurrentHashMap<>();

    /** A client of the client-credentials grant: a council system acting for one organisation. */
    public record ServiceAccount(String clientId, String secret, String organisation, List<String> roles) {
    }

    private DevTokenIssuer(RSAKey signingKey, HttpServer server) {
        this.signingKey = signingKey;
        this.server = server;
        this.issuer = "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Starts an issuer on the loopback interface; port 0 picks a free port. */
    public static DevTokenIssuer start(int port) {
        try {
            RSAKey key = new RSAKeyGenerator(2048).keyUse(KeyUse.SIGNATURE).keyID(UUID.randomUUID().toString()).generate();
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
            DevTokenIssuer issuer = new DevTokenIssuer(key, server);
            server.createContext("/.well-known/openid-configuration", issuer::discovery);
            server.createContext("/jwks", issuer::jwks);
            server.createContext("/token", issuer::token);
            issuer.registerDemoServiceAccounts();
            server.start();
            return issuer;
        } catch (JOSEException | IOException e) {
            throw new IllegalStateException("Could not start the development token issuer", e);
        }
    }

    public String issuerUri() {
        return issuer;
    }

    public String jwkSetUri() {
        return issuer + "/jwks";
    }

    public int port() {
        return server.getAddress().getPort();
    }

    private void registerDemoServiceAccounts() throws IOException {
        Properties accounts = new Properties();
        try (InputStream in = DevTokenIssuer.class.getResourceAsStream(DEMO_SERVICE_ACCOUNTS)) {
            if (in == null) {
                return;
            }
            accounts.load(in);
        }
        accounts.stringPropertyNames().forEach(clientId -> {
            String[] fields = accounts.getProperty(clientId).split(",");
            register(new ServiceAccount(clientId, fields[0].strip(), fields[1].strip(), List.of(fields[2].strip().split("\\s+"))));
        });
    }

    /** Lets a service account obtain tokens with the client-credentials grant. */
    public void register(ServiceAccount account) {
        clients.put(account.clientId(), account);
    }

    /** Mints a signed access token for a user of an organisation with the given roles. */
    public String mint(String subject, String organisation, List<String> roles, Duration lifetime) {
        return mint(subject, organisation, roles, lifetime, null);
    }

    /** Mints the token a service account gets from the client-credentials grant. */
    public String mintFor(ServiceAccount account) {
        return mint("client:" + account.clientId(), account.organisation(), account.roles(), CLIENT_TOKEN_LIFETIME, account.clientId());
    }

    private String mint(String subject, String organisation, List<String> roles, Duration lifetime, String clientId) {
        Instant now = Instant.now();
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(issuer)
                .subject(subject)
                .audience("civicgraph")
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(lifetime)))
                .jwtID(UUID.randomUUID().toString())
                .claim(ORGANISATION_CLAIM, organisation)
                .claim(ROLES_CLAIM, roles)
                .claim(CLIENT_ID_CLAIM, clientId)
                .build();
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(signingKey.getKeyID()).build(), claims);
            jwt.sign(new RSASSASigner(signingKey));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException("Could not sign a development token", e);
        }
    }

    private void discovery(HttpExchange exchange) throws IOException {
        String json = "{\"issuer\":\"" + issuer + "\",\"jwks_uri\":\"" + jwkSetUri() + "\","
                + "\"token_endpoint\":\"" + issuer + "/token\",\"id_token_signing_alg_values_supported\":[\"RS256\"],"
                + "\"subject_types_supported\":[\"public\"],\"response_types_supported\":[\"token\"],"
                + "\"grant_types_supported\":[\"client_credentials\"],"
                + "\"token_endpoint_auth_methods_supported\":[\"client_secret_basic\",\"client_secret_post\"]}";
        respond(exchange, 200, json);
    }

    private void jwks(HttpExchange exchange) throws IOException {
        respond(exchange, 200, new JWKSet(signingKey.toPublicJWK()).toString());
    }

    private void token(HttpExchange exchange) throws IOException {
        if ("POST".equals(exchange.getRequestMethod())) {
            clientCredentials(exchange);
            return;
        }
        Map<String, String> params = queryParameters(exchange.getRequestURI().getRawQuery());
        String organisation = params.get("organisation");
        if (organisation == null || organisation.isBlank()) {
            respond(exchange, 400, "{\"error\":\"invalid_request\",\"error_description\":\"organisation is required\"}");
            return;
        }
        List<String> roles = Arrays.asList(params.getOrDefault("roles", "viewer").split(","));
        String subject = params.getOrDefault("subject", "dev-user@" + organisation);
        Duration lifetime = Duration.ofHours(8);
        String token = mint(subject, organisation, roles, lifetime);
        // The portal, served by the gateway on another port, asks for tokens from the browser.
        exchange.getResponseHeaders().add("Access-Control-Allow-Origin", "*");
        respond(exchange, 200, "{\"access_token\":\"" + token + "\",\"token_type\":\"Bearer\",\"expires_in\":"
                + lifetime.toSeconds() + "}");
    }

    /** The OAuth 2.0 client-credentials grant (RFC 6749 section 4.4), with errors as section 5.2 names them. */
    private void clientCredentials(HttpExchange exchange) throws IOException {
        Map<String, String> form = queryParameters(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        if (!"client_credentials".equals(form.get("grant_type"))) {
            respond(exchange, 400, "{\"error\":\"unsupported_grant_type\",\"error_description\":\"only client_credentials is supported by POST\"}");
            return;
        }
        String clientId = form.get("client_id");
        String secret = form.get("client_secret");
        String basic = exchange.getRequestHeaders().getFirst("Authorization");
        if (basic != null && basic.regionMatches(true, 0, "Basic ", 0, 6)) {
            String decoded = new String(Base64.getDecoder().decode(basic.substring(6).strip()), StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            if (colon > 0) {
                clientId = URLDecoder.decode(decoded.substring(0, colon), StandardCharsets.UTF_8);
                secret = URLDecoder.decode(decoded.substring(colon + 1), StandardCharsets.UTF_8);
            }
        }
        ServiceAccount account = clientId == null ? null : clients.get(clientId);
        if (account == null || secret == null || !MessageDigest.isEqual(account.secret().getBytes(StandardCharsets.UTF_8),
                secret.getBytes(StandardCharsets.UTF_8))) {
            exchange.getResponseHeaders().add("WWW-Authenticate", "Basic realm=\"civicgraph-dev\"");
            respond(exchange, 401, "{\"error\":\"invalid_client\",\"error_description\":\"unknown client or wrong secret\"}");
            return;
        }
        respond(exchange, 200, "{\"access_token\":\"" + mintFor(account) + "\",\"token_type\":\"Bearer\",\"expires_in\":"
                + CLIENT_TOKEN_LIFETIME.toSeconds() + "}");
    }

    private static Map<String, String> queryParameters(String rawQuery) {
        Map<String, String> params = new LinkedHashMap<>();
        if (rawQuery == null) {
            return params;
        }
        for (String pair : rawQuery.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                params.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return params;
    }

    private static void respond(HttpExchange exchange, int status, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
