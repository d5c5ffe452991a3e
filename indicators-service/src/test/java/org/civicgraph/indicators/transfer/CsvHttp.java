package org.civicgraph.indicators.transfer;

import com.jayway.jsonpath.JsonPath;
import org.civicgraph.platform.test.TestInfrastructure;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** Imports and exports CSV files over real HTTP, as a user's browser or script would. */
public final class CsvHttp {

    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final int port;
    private final String token;

    private CsvHttp(int port, String token) {
        this.port = port;
        this.token = token;
    }

    public static CsvHttp onPort(int port) {
        return new CsvHttp(port, null);
    }

    /** The same service, called by a user of the organisation with the given roles. */
    public CsvHttp as(String organisation, String... roles) {
        return new CsvHttp(port, TestInfrastructure.get().tokenFor(organisation, roles));
    }

    public Response importFile(String format, String csv) {
        return importFile(format, csv, false);
    }

    public Response importFile(String format, String csv, boolean preview) {
        return importBytes(format, csv.getBytes(StandardCharsets.UTF_8), preview);
    }

    public Response importBytes(String format, byte[] file, boolean preview) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/indicators/values/import?format=" + format
                        + (preview ? "&preview=true" : "")))
                .header("Content-Type", "text/csv")
                .POST(HttpRequest.BodyPublishers.ofByteArray(file));
        return send(request);
    }

    /** The export, with query parameters such as {@code indicator=ID}. */
    public Response export(String format, String query) {
        return send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/indicators/values/export?format=" + format + "&" + query)).GET());
    }

    private Response send(HttpRequest.Builder request) {
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        try {
            HttpResponse<String> response = CLIENT.send(request.timeout(Duration.ofSeconds(60)).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Response(response.statusCode(), response.body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** An answer: the status, and the body (a JSON report or a CSV file). */
    public record Response(int status, String body) {

        public <T> T read(String path) {
            return JsonPath.read(body, path);
        }

        @Override
        public String toString() {
            return status + " " + body;
        }
    }
}
