package org.civicgraph.gateway.downstream;

import com.sun.net.httpserver.HttpServer;
import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.retry.Retry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.graphql.client.ClientGraphQlResponse;
import org.springframework.graphql.client.HttpSyncGraphQlClient;
import org.springframework.web.client.RestClient;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Identical reads in flight together share one call to the service; reads that differ in document, variables or
 * caller's token never do. The service is a real HTTP endpoint that holds each answer until every caller has asked.
 */
class SubgraphInFlightTest {

    private static final int CALLERS = 8;

    private final AtomicInteger calls = new AtomicInteger();
    private final CountDownLatch allAsked = new CountDownLatch(CALLERS);
    private HttpServer service;
    private Subgraph subgraph;
    private ExecutorService callers;

    @BeforeEach
    void startService() throws IOException {
        service = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        service.setExecutor(Executors.newCachedThreadPool());
        service.createContext("/graphql", exchange -> {
            int call = calls.incrementAndGet();
            try {
                allAsked.await(2, TimeUnit.SECONDS); // answer only once every caller is waiting (or could have been)
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            byte[] body = ("{\"data\":{\"area\":{\"code\":\"E07000136\",\"call\":" + call + "}}}").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        service.start();
        String url = "http://127.0.0.1:" + service.getAddress().getPort() + "/graphql";
        subgraph = new Subgraph(Service.INDICATORS, HttpSyncGraphQlClient.create(RestClient.builder().baseUrl(url).build()),
                RestClient.builder().baseUrl(url).build(), Bulkhead.of("indicators", io.github.resilience4j.bulkhead.BulkheadConfig.custom()
                .maxConcurrentCalls(CALLERS * 2).build()), CircuitBreaker.ofDefaults("indicators"), Retry.ofDefaults("indicators"));
        callers = Executors.newFixedThreadPool(CALLERS);
    }

    @AfterEach
    void stop() {
        callers.shutdownNow();
        service.stop(0);
    }

    @Test
    void identicalReadsInFlightTogetherShareOneCall() throws Exception {
        List<Future<ClientGraphQlResponse>> answers = new ArrayList<>();
        for (int i = 0; i < CALLERS; i++) {
            answers.add(callers.submit(() -> {
                allAsked.countDown();
                return subgraph.query("query($code: ID!) { area(code: $code) { code } }", Map.of("code", "E07000136"), null);
            }));
        }

        for (Future<ClientGraphQlResponse> answer : answers) {
            assertThat(ResponseFields.object(answer.get(10, TimeUnit.SECONDS), "area")).containsEntry("code", "E07000136");
        }
        assertThat(calls.get()).isLessThan(CALLERS);

        calls.set(0);
        subgraph.query("query($code: ID!) { area(code: $code) { code } }", Map.of("code", "E07000136"), null);
        assertThat(calls.get()).as("a read after the others have finished asks the service again").isEqualTo(1);
    }

    @Test
    void readsForDifferentCallersOrVariablesAreNeverShared() throws Exception {
        List<Future<ClientGraphQlResponse>> answers = new ArrayList<>();
        for (int i = 0; i < CALLERS; i++) {
            int caller = i;
            answers.add(callers.submit(() -> {
                allAsked.countDown();
                return caller % 2 == 0
                        ? subgraph.query("query($code: ID!) { area(code: $code) { code } }", Map.of("code", "E0700013" + caller), null)
                        : subgraph.query("query($code: ID!) { area(code: $code) { code } }", Map.of("code", "E07000136"), "token-" + caller);
            }));
        }

        for (Future<ClientGraphQlResponse> answer : answers) {
            answer.get(10, TimeUnit.SECONDS);
        }
        assertThat(calls.get()).isEqualTo(CALLERS);
    }
}
