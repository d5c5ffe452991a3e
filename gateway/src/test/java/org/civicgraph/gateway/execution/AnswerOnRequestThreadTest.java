package org.civicgraph.gateway.execution;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import org.civicgraph.gateway.downstream.FakeServices;
import org.civicgraph.platform.test.PlatformIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A view that waits for its services is answered in the request's own dispatch, with the security headers of every
 * answer, and a request still waiting after Spring MVC's async timeout ends as it did when it was answered
 * asynchronously: 503, while the services keep their own (longer) timeout.
 */
@PlatformIntegrationTest
@TestPropertySource(properties = "spring.mvc.async.request-timeout=1s")
class AnswerOnRequestThreadTest {

    /**
     * Each test asks about its own organisation: the gateway shares a service call with an identical one still in
     * flight, and the other test's call to plans-service may still be finishing.
     */
    private static final String ORGANISATION_360 = """
            {"query": "query($id: ID!) { organisation360(id: $id) { organisation { id name } contractsAsProvider { id } activities { id } } }",
             "variables": {"id": "%s"}}""";
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final List<DispatcherType> dispatches = new CopyOnWriteArrayList<>();
    private static volatile CountDownLatch plansServiceAnswers = new CountDownLatch(0);

    @RegisterExtension
    static final FakeServices services = FakeServices.start(List.of("partners", "contracts", "plans"), AnswerOnRequestThreadTest::answer);

    @DynamicPropertySource
    static void servicesHere(DynamicPropertyRegistry registry) {
        services.pointGatewayHere(registry);
    }

    @LocalServerPort
    int port;

    @BeforeEach
    void forgetDispatches() {
        dispatches.clear();
    }

    @Test
    void aViewWaitingForServicesIsAnsweredInOneDispatchWithTheSecurityHeaders() throws Exception {
        plansServiceAnswers = new CountDownLatch(1);
        CompletableFuture<HttpResponse<String>> answered = CompletableFuture.supplyAsync(() -> post(ORGANISATION_360.formatted("boston-bc")));
        Thread.sleep(200);
        assertThat(answered).as("waiting for plans-service").isNotDone();
        plansServiceAnswers.countDown();
        HttpResponse<String> response = answered.get(10, TimeUnit.SECONDS);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"name\":\"Boston Borough Council\"").doesNotContain("errors");
        assertThat(dispatches).containsExactly(DispatcherType.REQUEST);
        assertThat(response.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
        assertThat(response.headers().firstValue("X-Frame-Options")).contains("DENY");
        assertThat(response.headers().firstValue("Cache-Control")).hasValueSatisfying(value -> assertThat(value).contains("no-store"));
        assertThat(response.headers().firstValue("Content-Type")).contains("application/json");
    }

    @Test
    void aViewStillWaitingAfterTheAsyncTimeoutIsServiceUnavailable() {
        plansServiceAnswers = new CountDownLatch(1);
        HttpResponse<String> response;
        try {
            response = post(ORGANISATION_360.formatted("lincolnshire-cc"));
        } finally {
            plansServiceAnswers.countDown();
        }

        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.body()).doesNotContain("Exception").doesNotContain("at org.");
        assertThat(response.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
    }

    private HttpResponse<String> post(String body) {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/graphql"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String answer(String service, JsonNode request) {
        try {
            if (service.equals("plans") && !plansServiceAnswers.await(5, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the test did not let plans-service answer");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return switch (service) {
            case "partners" -> """
                    {"data": {"organisation": {"id": "boston-bc", "name": "Boston Borough Council", "type": "DISTRICT_COUNCIL", "website": null}}}""";
            case "contracts" -> """
                    {"data": {"asProvider": {"edges": []}, "commissioned": {"edges": []}}}""";
            default -> """
                    {"data": {"activities": {"edges": []}}}""";
        };
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class DispatchRecording {

        @Bean
        FilterRegistrationBean<Filter> dispatchRecorder() {
            FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>((request, response, chain) -> {
                dispatches.add(request.getDispatcherType());
                chain.doFilter(request, response);
            });
            registration.addUrlPatterns("/graphql");
            registration.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.ASYNC);
            return registration;
        }
    }
}
