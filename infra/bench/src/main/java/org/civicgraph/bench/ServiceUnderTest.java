package org.civicgraph.bench;

import com.jayway.jsonpath.DocumentContext;
import com.jayway.jsonpath.JsonPath;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import org.civicgraph.stack.App;
import org.civicgraph.stack.LocalStack;
import org.civicgraph.stack.StackPorts;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One service as a real process against the stack's embedded Mongo server and Kafka broker, started fresh in a
 * temporary data folder, with direct database access for generating data and the service's own Mongo command
 * metric for counting database round trips.
 */
final class ServiceUnderTest implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final App app;
    private final LocalStack stack;
    private final Path dataDir;
    private final MongoClient mongo;

    private ServiceUnderTest(App app, LocalStack stack, Path dataDir) {
        this.app = app;
        this.stack = stack;
        this.dataDir = dataDir;
        this.mongo = MongoClients.create(stack.mongoUri(app.database()));
    }

    static ServiceUnderTest start(App app, Path root) throws IOException {
        Path dataDir = Files.createTempDirectory("civicgraph-bench");
        LocalStack stack = new LocalStack(root, dataDir, StackPorts.free(), message -> System.out.println("  " + message));
        stack.start(Duration.ofMinutes(3), EnumSet.of(app));
        return new ServiceUnderTest(app, stack, dataDir);
    }

    /** The stack the service runs in: its ports, Kafka broker and token issuer. */
    LocalStack stack() {
        return stack;
    }

    /** The service's log, in the temporary data folder (gone after {@link #close()}). */
    Path log() {
        return dataDir.resolve("logs").resolve(app.module() + ".log");
    }

    MongoDatabase database() {
        return mongo.getDatabase(app.database());
    }

    /** Posts a GraphQL request to the service and fails on any error in the answer. */
    DocumentContext graphql(String query, Map<String, Object> variables) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("query", query);
        body.put("variables", variables);
        String response = post(stack.serviceUrl(app), JSON.writeValueAsString(body));
        if (response.contains("\"errors\"")) {
            throw new IllegalStateException("GraphQL errors: " + response);
        }
        return JsonPath.parse(response);
    }

    /** How many commands the service has sent to MongoDB so far (its Micrometer Mongo command timer). */
    long mongoCommands() {
        String metric = get("http://127.0.0.1:" + stack.ports().of(app) + "/actuator/metrics/mongodb.driver.commands");
        if (!metric.contains("\"measurements\"")) {
            return 0;
        }
        List<Number> counts = JsonPath.parse(metric).read("$.measurements[?(@.statistic == 'COUNT')].value");
        return counts.isEmpty() ? 0 : counts.get(0).longValue();
    }

    private static String post(String url, String body) {
        return send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    private static String get(String url) {
        return send(HttpRequest.newBuilder(URI.create(url)).GET().build());
    }

    private static String send(HttpRequest request) {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString()).body();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        mongo.close();
        stack.close();
        LocalStack.deleteRecursively(dataDir);
    }
}
