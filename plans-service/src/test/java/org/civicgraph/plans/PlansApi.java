package org.civicgraph.plans;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.civicgraph.platform.test.GraphQlHttp;
import org.civicgraph.platform.test.TestInfrastructure;
import org.civicgraph.platform.test.TopicReader;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Builds the plans, activities and updates a test needs through the GraphQL API, as the owner's editor. Plan ids
 * are unique because the test classes share one database.
 */
public final class PlansApi {

    public static final String TOPIC = "civicgraph.plans.v1";
    public static final String ACTIVITY_FIELDS = "id planId reference referenceYear themeKey objectiveKey description leadOrganisation "
            + "partnerOrganisations areas outputs milestones { id text dueDate status revisedDueDate }";
    public static final String UPDATE_FIELDS = "id activityId period revision status behindPlan commentary explanation "
            + "milestones { milestoneId status revisedDueDate } author authorOrganisation supersedes correctionReason";
    public static final String CREATE_ACTIVITY = "mutation($input: CreateActivityInput!) { createActivity(input: $input) { activity { "
            + ACTIVITY_FIELDS + " } } }";
    public static final String SUBMIT = "mutation($input: SubmitProgressInput!) { submitProgressUpdate(input: $input) { update { "
            + UPDATE_FIELDS + " } } }";
    public static final String CORRECT = "mutation($input: CorrectProgressInput!) { correctProgressUpdate(input: $input) { update { "
            + UPDATE_FIELDS + " } } }";
    public static final List<Map<String, Object>> NORTHSHIRE_SCALE = List.of(
            status("Green", "#00703C", "On track", false),
            status("Amber", "#FFBF47", "Some slippage, recoverable", false),
            status("Red", "#D4351C", "Behind plan", true),
            status("Blue", "#1D70B8", "Complete", false));

    public static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final GraphQlHttp graphql;
    private final int port;

    public PlansApi(int port) {
        this.graphql = GraphQlHttp.onPort(port);
        this.port = port;
    }

    /**
     * Posts a spreadsheet to {@code /plans/{planId}/updates/import} as the request body.
     *
     * @param token a bearer token, or null for an anonymous caller
     */
    public GraphQlHttp.Response importFile(String planId, String period, boolean preview, String contentType, byte[] file, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(importUri(planId, period, preview, "&fileName=q1-return." + (contentType.equals(XLSX) ? "xlsx" : "csv")))
                .header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofByteArray(file));
        return send(request, token);
    }

    /** Posts a spreadsheet as a multipart form upload, in the part {@code file}. */
    public GraphQlHttp.Response uploadFile(String planId, String period, boolean preview, String fileName, String contentType, byte[] file,
                                           String token) {
        String boundary = "civicgraph-" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                + "\"\r\nContent-Type: " + contentType + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(file);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpRequest.Builder request = HttpRequest.newBuilder(importUri(planId, period, preview, ""))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()));
        return send(request, token);
    }

    public static String token(String organisation, String... roles) {
        return TestInfrastructure.get().tokenFor(organisation, roles);
    }

    private URI importUri(String planId, String period, boolean preview, String more) {
        return URI.create("http://127.0.0.1:" + port + "/plans/" + planId + "/updates/import?period="
                + URLEncoder.encode(period, StandardCharsets.UTF_8) + "&preview=" + preview + more);
    }

    private static GraphQlHttp.Response send(HttpRequest.Builder request, String token) {
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        try {
            HttpResponse<String> response = HTTP.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
            return new GraphQlHttp.Response(response.statusCode(), response.body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public GraphQlHttp anonymous() {
        return graphql;
    }

    public GraphQlHttp as(String organisation, String... roles) {
        return graphql.as(organisation, roles);
    }

    public static String uniqueId(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    public static Map<String, Object> status(String label, String colour, String meaning, boolean behindPlan) {
        return Map.of("label", label, "colour", colour, "meaning", meaning, "behindPlan", behindPlan);
    }

    /**
     * A plan of {@code owner} for 2024-2028 on the Northshire scale (Red behind plan), with two themes: "people"
     * (objectives people-1, people-2) and "place" (place-1).
     */
    public Map<String, Object> newPlan(String owner, boolean partnersMayReport) {
        Map<String, Object> input = new LinkedHashMap<>();
        input.put("id", uniqueId(owner + "-plan"));
        input.put("ownerOrganisation", owner);
        input.put("title", "Test plan");
        input.put("kind", "STRATEGY");
        input.put("period", "2024-2028");
        input.put("areas", List.of("E10000019"));
        input.put("ragScale", NORTHSHIRE_SCALE);
        input.put("partnersMayReport", partnersMayReport);
        input.put("themes", List.of(
                Map.of("key", "people", "title", "People", "objectives", List.of(Map.of("title", "Healthy lives"), Map.of("title", "Good jobs"))),
                Map.of("key", "place", "title", "Place", "partnerOrganisations", List.of("sport-england"),
                        "objectives", List.of(Map.of("title", "Clean air")))));
        return input;
    }

    public String createPlan(Map<String, Object> input) {
        GraphQlHttp.Response response = graphql.as((String) input.get("ownerOrganisation"), "editor").post("""
                mutation($input: CreatePlanInput!) { createPlan(input: $input) { plan { id } } }""", Map.of("input", input));
        assertThat(response.hasErrors()).as(response.body()).isFalse();
        return response.read("$.data.createPlan.plan.id");
    }

    public String createPlan(String owner, boolean partnersMayReport) {
        return createPlan(newPlan(owner, partnersMayReport));
    }

    public static Map<String, Object> activity(String planId, String reference, String objective) {
        Map<String, Object> input = new LinkedHashMap<>();
        input.put("planId", planId);
        input.put("reference", reference);
        input.put("objective", objective);
        input.put("description", "Activity " + reference + " of " + planId);
        return input;
    }

    /** Creates the activity as an editor of the owner and returns its response data. */
    public Map<String, Object> createActivity(String owner, Map<String, Object> input) {
        GraphQlHttp.Response response = graphql.as(owner, "editor").post(CREATE_ACTIVITY, Map.of("input", input));
        assertThat(response.hasErrors()).as(response.body()).isFalse();
        return response.read("$.data.createActivity.activity");
    }

    public String createActivity(String owner, String planId, String reference, String objective) {
        return (String) createActivity(owner, activity(planId, reference, objective)).get("id");
    }

    public static Map<String, Object> report(String activityId, String period, String status) {
        Map<String, Object> input = new LinkedHashMap<>();
        input.put("activityId", activityId);
        input.put("period", period);
        input.put("status", status);
        return input;
    }

    public GraphQlHttp.Response submit(GraphQlHttp as, Map<String, Object> input) {
        return as.post(SUBMIT, Map.of("input", input));
    }

    /** Reports as an editor of the owner, which must succeed; returns the update's data. */
    public Map<String, Object> submitOk(String owner, Map<String, Object> input) {
        GraphQlHttp.Response response = submit(graphql.as(owner, "editor"), input);
        assertThat(response.hasErrors()).as(response.body()).isFalse();
        return response.read("$.data.submitProgressUpdate.update");
    }

    public static Map<String, Object> with(Map<String, Object> input, Object... keysAndValues) {
        Map<String, Object> copy = new LinkedHashMap<>(input);
        for (int i = 0; i < keysAndValues.length; i += 2) {
            copy.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return copy;
    }

    public static TopicReader topic() {
        return new TopicReader(TestInfrastructure.get().kafkaBootstrapServers(), TOPIC);
    }

    public static Predicate<ConsumerRecord<String, byte[]>> event(String type, String key) {
        return TopicReader.withHeader("ce_type", type).and(record -> key.equals(record.key()));
    }

    /** Reads until an event of the type with the key has arrived; returns every such event seen. */
    public static List<ConsumerRecord<String, byte[]>> await(TopicReader reader, String type, String key) {
        List<ConsumerRecord<String, byte[]>> matching = new ArrayList<>();
        reader.readUntil(event(type, key), Duration.ofSeconds(30)).stream().filter(event(type, key)).forEach(matching::add);
        return matching;
    }

    /** An event about one progress update: keyed by its activity, so it is told apart by the update id in its data. */
    public static Predicate<ConsumerRecord<String, byte[]>> updateEvent(String type, String updateId) {
        return TopicReader.withHeader("ce_type", type).and(record -> value(record).contains("\"id\":\"" + updateId + "\""));
    }

    /** The id of an activity's update for a period (such as {@code 2024-25-Q1}) and revision: plan, period, activity path, revision. */
    public static String updateId(String activityId, String periodSlug, int revision) {
        int slash = activityId.indexOf('/');
        return activityId.substring(0, slash) + "/" + periodSlug + activityId.substring(slash) + "/v" + revision;
    }

    /** Reads until the event about the progress update has arrived; returns every such event seen. */
    public static List<ConsumerRecord<String, byte[]>> awaitUpdate(TopicReader reader, String type, String updateId) {
        List<ConsumerRecord<String, byte[]>> matching = new ArrayList<>();
        reader.readUntil(updateEvent(type, updateId), Duration.ofSeconds(30)).stream()
                .filter(updateEvent(type, updateId)).forEach(matching::add);
        return matching;
    }

    public static String value(ConsumerRecord<String, byte[]> record) {
        return new String(record.value(), StandardCharsets.UTF_8);
    }
}
