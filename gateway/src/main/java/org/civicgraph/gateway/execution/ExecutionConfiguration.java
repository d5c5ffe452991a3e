package org.civicgraph.gateway.execution;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.graphql.autoconfigure.GraphQlSourceBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.graphql.execution.DataFetcherExceptionResolver;
import org.springframework.graphql.server.WebGraphQlHandler;
import org.springframework.graphql.server.webmvc.GraphQlHttpHandler;
import tools.jackson.databind.json.JsonMapper;

import java.time.Duration;

/** How the gateway runs the GraphQL requests it executes itself (its views, subscriptions, introspection) and writes the answers. */
@Configuration(proxyBeanMethods = false)
class ExecutionConfiguration {

    /**
     * Queries run with {@link ProjectingExecutionStrategy}; its exceptions go to the same resolvers, in the same order,
     * that Spring Boot gives Spring for GraphQL's default strategy.
     */
    @Bean
    GraphQlSourceBuilderCustomizer projectingExecution(ObjectProvider<DataFetcherExceptionResolver> exceptionResolvers) {
        return builder -> builder.configureGraphQl(graphQl -> graphQl.queryExecutionStrategy(
                new ProjectingExecutionStrategy(DataFetcherExceptionResolver.createExceptionHandler(exceptionResolvers.orderedStream().toList()))));
    }

    /**
     * Spring Boot's handler for GraphQL over HTTP (which it leaves out when the application has one), answering on the
     * request's thread within Spring MVC's async timeout (the container's 30 s unless set), and writing answers with
     * {@link ResultJson} when that gives the same bytes as the application's JSON mapper.
     */
    @Bean
    GraphQlHttpHandler graphQlHttpHandler(WebGraphQlHandler handler, JsonMapper mapper,
                                          @Value("${spring.mvc.async.request-timeout:30s}") Duration timeout) {
        return ResultJson.matches(mapper) ? new StreamingGraphQlHttpHandler(handler, timeout, mapper) : new SameThreadGraphQlHttpHandler(handler, timeout);
    }
}
