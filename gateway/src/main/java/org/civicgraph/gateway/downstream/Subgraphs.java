package org.civicgraph.gateway.downstream;

import io.github.resilience4j.bulkhead.BulkheadRegistry;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.retry.RetryRegistry;
import org.springframework.graphql.client.HttpSyncGraphQlClient;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

import java.net.URI;
import java.net.http.HttpClient;
import java.util.EnumMap;
import java.util.Map;

/** The four services as guarded GraphQL clients, one each. */
@Component
public class Subgraphs {

    private final Map<Service, Subgraph> subgraphs = new EnumMap<>(Service.class);

    Subgraphs(DownstreamProperties properties, CircuitBreakerRegistry circuitBreakers, BulkheadRegistry bulkheads, RetryRegistry retries) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(properties.connectTimeout()).build();
        JdkClientHttpRequestFactory requestFactory = new JdkClientHttpRequestFactory(http);
        requestFactory.setReadTimeout(properties.timeout());
        DownstreamProperties.Services services = properties.services();
        Map<Service, URI> endpoints = Map.of(Service.PLANS, services.plans(), Service.CONTRACTS, services.contracts(),
                Service.INDICATORS, services.indicators(), Service.PARTNERS, services.partners(), Service.WEBHOOKS, services.webhooks());
        endpoints.forEach((service, endpoint) -> subgraphs.put(service, new Subgraph(service,
                HttpSyncGraphQlClient.create(RestClient.builder().baseUrl(endpoint.toString()).requestFactory(requestFactory).build()),
                RestClient.builder().baseUrl(endpoint.toString()).requestFactory(requestFactory).build(),
                bulkheads.bulkhead(service.id()), circuitBreakers.circuitBreaker(service.id()), retries.retry(service.id()))));
    }

    public Subgraph get(Service service) {
        return subgraphs.get(service);
    }
}
