package org.civicgraph.gateway.execution;

import graphql.execution.instrumentation.Instrumentation;
import org.civicgraph.platform.graphql.RoutedInstrumentation;
import org.civicgraph.platform.test.GraphQlHttp;
import org.civicgraph.platform.test.PlatformIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.graphql.execution.GraphQlSource;
import org.springframework.graphql.server.webmvc.GraphQlHttpHandler;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The gateway's own execution: the application's instrumentations routed hook by hook, queries completed by
 * {@link ProjectingExecutionStrategy} (so every view test of the gateway runs through it, its error codes included),
 * and answers written straight from graphql-java's result; limits, error codes and the request metric work as before.
 */
@PlatformIntegrationTest
class ExecutionConfigurationTest {

    @LocalServerPort
    int port;

    @Autowired
    GraphQlSource graphQlSource;

    @Autowired
    GraphQlHttpHandler httpHandler;

    @Test
    void eachInstrumentationHookGoesToTheOneThatImplementsIt() {
        Instrumentation instrumentation = graphQlSource.graphQl().getInstrumentation();

        assertThat(instrumentation).isInstanceOf(RoutedInstrumentation.class);
        assertThat(((RoutedInstrumentation) instrumentation).routes())
                .containsEntry("beginValidation", List.of("QueryLimitsInstrumentation"))
                .containsEntry("instrumentExecutionResult", List.of("ErrorCodesInstrumentation"))
                .containsEntry("instrumentDataFetcher", List.of("GraphQlObservationInstrumentation"))
                .containsEntry("createStateAsync", List.of("GraphQlObservationInstrumentation"))
                .doesNotContainKeys("beginFieldFetching", "beginFieldCompletion", "beginFieldExecution", "beginExecuteObject");
        assertThat(httpHandler).isInstanceOf(StreamingGraphQlHttpHandler.class);
        assertThat(graphQlSource.graphQl().getQueryStrategy()).isInstanceOf(ProjectingExecutionStrategy.class);
        assertThat(RoutedInstrumentation.unroutedHooks()).as("hooks of the gateway's graphql-java, newer than the services'").isEmpty();
    }

    @Test
    void limitsAndErrorCodesStillApply() {
        GraphQlHttp.Response unknownField = GraphQlHttp.onPort(port).post("{ areaProfile(code: \"E07000136\") { nonsense } }");
        assertThat(unknownField.errorCodes()).containsExactly("GRAPHQL_VALIDATION_FAILED");

        GraphQlHttp.Response aliases = GraphQlHttp.onPort(port).post("{ " + "a%d: __typename ".repeat(11).formatted(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10) + "}");
        assertThat(aliases.errorCodes()).containsExactly("TOO_MANY_ALIASES");
    }
}
