package org.civicgraph.platform.test;

import com.jayway.jsonpath.DocumentContext;
import com.jayway.jsonpath.JsonPath;
import org.civicgraph.local.DevTokenIssuer;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Sends GraphQL requests over real HTTP, as a client would, optionally with a bearer token. */
public final class GraphQlHttp {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final URI endpoint;
    private final String token;

    private GraphQlHttp(URI endpoint, String token) {
        this.endpoint = endpoint;
        this.token = token;
    }

    public static GraphQlHttp at(String endpoint) {
        return new GraphQlHttp(URI.create(endpoint), null);
    }

    public static GraphQlHttp onPort(int port) {
        return at("http://127.0.0.1:" + port + "/graphql");
    }

    /** The same endpoint, called by a user of the organisation with the given roles. */
    public GraphQlHttp as(String organisation, String... roles) {
        return new GraphQlHttp(endpoint, TestInfrastructure.get().tokenFor(organisation, roles));
    }

    /** The same endpoint, called by a council system's service account of the organisation (client-credentials token). */
    public GraphQlHttp asServiceAccount(String clientId, String organisation, String... roles) {
        return new GraphQlHttp(endpoint, TestInfrastructure.get().tokenIssuer()
                .mintFor(new DevTokenIssuer.ServiceAccount(clientId, "not-used", organisation, List.of(roles))));
    }

    public GraphQlHttp withToken(String bearerToken) {
        return new GraphQlHttp(endpoint, bearerToken);
    }

    public Response post(String document) {
        return post(document, Map.of());
    }

    public Response post(String document, Map<String, Object> variables) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("query", document);
        body.put("variables", variables);
        HttpRequest.Builder request = HttpRequest.newBuilder(endpoint)
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .header("Accept", "application/graphql-response+json, application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        try {
            HttpResponse<String> response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.body());
        } catch (IOException e) {
            throw new IllegalStateException("GraphQL request to " + endpoint + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted", e);
        }
    }

    /** A GraphQL response: read it with JSON paths such as {@code $.data.organisation.name}. */
    public record Response(int status, String body) {

        public DocumentContext json() {
            return JsonPath.parse(body);
        }

        public <T> T read(String path) {
            return json().read(path);
        }

        public List<Map<String, Object>> errors() {
            List<Map<String, Object>> errors = JsonPath.parse(body).read("$.errors[*]");
            return errors;
        }

        public boolean hasErrors() {
            return body.contains("\"errors\"") && !errors().isEmpty();
        }

        /** The {@code extensions.code} of every error, in order. */
        public List<String> errorCodes() {
            return JsonPath.parse(body).read("$.errors[*].extensions.code");
        }

        @Override
        public String toString() {
            return status + " " + body;
        }
    }
}
