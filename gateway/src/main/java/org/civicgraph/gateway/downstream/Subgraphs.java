package org.civicgraph.gateway.downstream;

import io.github.resilience4j.bulkhead.BulkheadRegistry;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.retry.RetryRegistry;
import org.springframework.graphql.client.HttpSyncGraphQlClient;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;
import org.springframework.http.client.HttpComponentsClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

import java.net.URI;
import java.util.EnumMap;
import java.util.Map;

/** The four services as guarded GraphQL clients, one each. */
@Component
public class Subgraphs {

    private final Map<Service, Subgraph> subgraphs = new EnumMap<>(Service.class);

    Subgraphs(DownstreamProperties properties, CircuitBreakerRegistry circuitBreakers, BulkheadRegistry bulkheads, RetryRegistry retries) {
        HttpComponentsClientHttpRequestFactory requestFactory = new HttpComponentsClientHttpRequestFactory(httpClient(properties));
        requestFactory.setReadTimeout(properties.timeout());
        DownstreamProperties.Services services = properties.services();
        Map<Service, URI> endpoints = Map.of(Service.PLANS, services.plans(), Service.CONTRACTS, services.contracts(),
                Service.INDICATORS, services.indicators(), Service.PARTNERS, services.partners(), Service.WEBHOOKS, services.webhooks());
        endpoints.forEach((service, endpoint) -> subgraphs.put(service, new Subgraph(service,
                HttpSyncGraphQlClient.create(RestClient.builder().baseUrl(endpoint.toString()).requestFactory(requestFactory).build()),
                RestClient.builder().baseUrl(endpoint.toString()).requestFactory(requestFactory).build(),
                bulkheads.bulkhead(service.id()), circuitBreakers.circuitBreaker(service.id()), retries.retry(service.id()))));
    }

    /**
     * A blocking client whose calls run wholly on the thread that makes them: with the JDK client each call passed
     * between that thread, a selector thread and a worker, and on a busy machine every such hand-over waits for a
     * core. No cookies (a service's cookie must never reach another caller's request) and no retries of its own
     * (Resilience4j decides). The pool holds more connections per service than its bulkhead lets through.
     */
    private static CloseableHttpClient httpClient(DownstreamProperties properties) {
        PoolingHttpClientConnectionManager connections = PoolingHttpClientConnectionManagerBuilder.create()
                .setDefaultConnectionConfig(ConnectionConfig.custom()
                        .setConnectTimeout(Timeout.of(properties.connectTimeout()))
                        .setSocketTimeout(Timeout.of(properties.timeout()))
                        .build())
                .setMaxConnPerRoute(64)
                .setMaxConnTotal(320)
                .build();
        return HttpClients.custom()
                .setConnectionManager(connections)
                .disableCookieManagement()
                .disableAutomaticRetries()
                .disableRedirectHandling()
                .evictIdleConnections(TimeValue.ofSeconds(30))
                .build();
    }

    public Subgraph get(Service service) {
        return subgraphs.get(service);
    }
}
