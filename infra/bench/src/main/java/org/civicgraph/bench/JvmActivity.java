package org.civicgraph.bench;

import com.jayway.jsonpath.JsonPath;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * What a group of the applications' JVMs spent outside the requests up to one moment, from their Actuator metrics:
 * milliseconds of JIT compilation ({@code jvm.compilation.time}) and GC pauses ({@code jvm.gc.pause}). Taken before
 * and after a timed phase, it shows whether the JVMs were still compiling or collecting while they were timed.
 */
record JvmActivity(double compilingMillis, double gcPauses, double gcPauseMillis) {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** @param graphqlEndpoints each JVM's GraphQL endpoint ({@code …/graphql}); its Actuator is beside it */
    static JvmActivity of(List<String> graphqlEndpoints) {
        JvmActivity total = new JvmActivity(0, 0, 0);
        for (String endpoint : graphqlEndpoints) {
            String actuator = endpoint.replaceFirst("/graphql$", "/actuator/metrics/");
            total = total.plus(new JvmActivity(measurement(actuator + "jvm.compilation.time", "COUNT"),
                    measurement(actuator + "jvm.gc.pause", "COUNT"), measurement(actuator + "jvm.gc.pause", "TOTAL_TIME") * 1000));
        }
        return total;
    }

    JvmActivity since(JvmActivity before) {
        return new JvmActivity(compilingMillis - before.compilingMillis, gcPauses - before.gcPauses, gcPauseMillis - before.gcPauseMillis);
    }

    private JvmActivity plus(JvmActivity other) {
        return new JvmActivity(compilingMillis + other.compilingMillis, gcPauses + other.gcPauses, gcPauseMillis + other.gcPauseMillis);
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%.0f ms compiling, %.0f GC pauses (%.0f ms)", compilingMillis, gcPauses, gcPauseMillis);
    }

    /** A statistic of a metric; 0 when the JVM has not recorded it yet (no GC so far) or cannot measure it. */
    private static double measurement(String url, String statistic) {
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                return 0;
            }
            List<Number> values = JsonPath.read(response.body(), "$.measurements[?(@.statistic == '" + statistic + "')].value");
            return values.isEmpty() ? 0 : values.get(0).doubleValue();
        } catch (IOException e) {
            throw new IllegalStateException("Could not read " + url, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
