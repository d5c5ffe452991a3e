package org.civicgraph.platform.graphql;

import graphql.ExecutionResult;
import graphql.execution.instrumentation.ChainedInstrumentation;
import graphql.execution.instrumentation.Instrumentation;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationCreateStateParameters;
import graphql.execution.instrumentation.parameters.InstrumentationExecutionParameters;
import graphql.execution.instrumentation.parameters.InstrumentationFieldFetchParameters;
import graphql.execution.instrumentation.parameters.InstrumentationValidationParameters;
import graphql.schema.DataFetcher;
import graphql.validation.ValidationError;
import graphql.execution.instrumentation.FieldFetchingInstrumentationContext;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;

import java.util.List;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

/** Each hook reaches the one instrumentation that implements it, with that instrumentation's own state. */
class RoutedInstrumentationTest {

    private static final InstrumentationState OWN_STATE = new InstrumentationState() {
    };

    /** Has request state and wraps data fetchers, as Spring for GraphQL's observations do. */
    static class Observing extends SimplePerformantInstrumentation {
        InstrumentationState seenByDataFetcher;

        @Override
        public CompletableFuture<InstrumentationState> createStateAsync(InstrumentationCreateStateParameters parameters) {
            return CompletableFuture.completedFuture(OWN_STATE);
        }

        @Override
        public DataFetcher<?> instrumentDataFetcher(DataFetcher<?> dataFetcher, InstrumentationFieldFetchParameters parameters, InstrumentationState state) {
            seenByDataFetcher = state;
            return environment -> "wrapped";
        }
    }

    /** Checks documents, as the platform's query limits do; has no state of its own. */
    static class Limiting implements Instrumentation {
        InstrumentationState seenByValidation = OWN_STATE;

        @Override
        public InstrumentationContext<List<ValidationError>> beginValidation(InstrumentationValidationParameters parameters, InstrumentationState state) {
            seenByValidation = state;
            return null;
        }
    }

    /** Rewrites results, as the platform's error codes do. */
    static class Coding implements Instrumentation {
        @Override
        public CompletableFuture<ExecutionResult> instrumentExecutionResult(ExecutionResult result, InstrumentationExecutionParameters parameters,
                                                                           InstrumentationState state) {
            return CompletableFuture.completedFuture(ExecutionResult.newExecutionResult().data("coded").build());
        }
    }

    @Test
    void eachHookGoesToItsOneImplementationWithThatOnesState() throws Exception {
        Observing observing = new Observing();
        Limiting limiting = new Limiting();
        Instrumentation routed = RoutedInstrumentation.of(new ChainedInstrumentation(List.of(limiting, observing, new Coding())));

        assertThat(routed).isInstanceOf(RoutedInstrumentation.class);
        assertThat(((RoutedInstrumentation) routed).routes()).containsOnly(
                entry("createStateAsync", List.of("Observing")),
                entry("instrumentDataFetcher", List.of("Observing")),
                entry("beginValidation", List.of("Limiting")),
                entry("instrumentExecutionResult", List.of("Coding")));

        InstrumentationState state = routed.createStateAsync(null).get();
        DataFetcher<?> fetcher = routed.instrumentDataFetcher(environment -> "plain", null, state);
        assertThat(fetcher.get(null)).isEqualTo("wrapped");
        assertThat(observing.seenByDataFetcher).isSameAs(OWN_STATE);
        routed.beginValidation(null, state);
        assertThat(limiting.seenByValidation).isNull();
        assertThat(routed.instrumentExecutionResult(ExecutionResult.newExecutionResult().build(), null, state).get().<String>getData()).isEqualTo("coded");
    }

    @Test
    void hooksThatNoneImplementAreGraphQlJavasNoOps() {
        Instrumentation routed = RoutedInstrumentation.of(new ChainedInstrumentation(List.of(new Limiting(), new Observing())));
        SimplePerformantInstrumentation none = SimplePerformantInstrumentation.INSTANCE;

        assertThat(routed.beginFieldCompletion(null, null)).isSameAs(none.beginFieldCompletion(null, null));
        assertThat(routed.beginFieldExecution(null, null)).isSameAs(none.beginFieldExecution(null, null));
        assertThat(routed.beginExecuteObject(null, null)).isSameAs(none.beginExecuteObject(null, null));
        assertThat(routed.beginFieldListCompletion(null, null)).isSameAs(none.beginFieldListCompletion(null, null));
        ExecutionResult result = ExecutionResult.newExecutionResult().data("as it was").build();
        assertThat(routed.instrumentExecutionResult(result, null, null).join()).isSameAs(result);
    }

    @Test
    void twoImplementationsOfOneHookAreBothCalledInTheirOrder() {
        List<String> calls = new ArrayList<>();
        Instrumentation routed = RoutedInstrumentation.of(new ChainedInstrumentation(List.of(new Appending("a", calls), new Observing(), new Appending("b", calls))));

        InstrumentationState state = routed.createStateAsync(null).join();
        InstrumentationContext<List<ValidationError>> validation = routed.beginValidation(null, state);
        validation.onDispatched();
        validation.onCompleted(List.of(), null);
        ExecutionResult result = routed.instrumentExecutionResult(ExecutionResult.newExecutionResult().data("").build(), null, state).join();

        assertThat(calls).containsExactly("a begins", "b begins", "a dispatched", "b dispatched", "a completed", "b completed");
        assertThat(result.<String>getData()).isEqualTo("ab");
    }

    @Test
    void twoImplementationsOfAHookWithItsOwnKindOfContextStayChained() {
        ChainedInstrumentation chained = new ChainedInstrumentation(List.of(new FetchWatching(), new FetchWatching()));

        assertThat(RoutedInstrumentation.of(chained)).isSameAs(chained);
    }

    /** Notes when its validation context is used and appends its name to the data. */
    record Appending(String name, List<String> calls) implements Instrumentation {
        @Override
        public InstrumentationContext<List<ValidationError>> beginValidation(InstrumentationValidationParameters parameters, InstrumentationState state) {
            calls.add(name + " begins");
            return new InstrumentationContext<>() {
                @Override
                public void onDispatched() {
                    calls.add(name + " dispatched");
                }

                @Override
                public void onCompleted(List<ValidationError> result, Throwable t) {
                    calls.add(name + " completed");
                }
            };
        }

        @Override
        public CompletableFuture<ExecutionResult> instrumentExecutionResult(ExecutionResult result, InstrumentationExecutionParameters parameters,
                                                                           InstrumentationState state) {
            return CompletableFuture.completedFuture(ExecutionResult.newExecutionResult().data(result.<String>getData() + name).build());
        }
    }

    static class FetchWatching implements Instrumentation {
        @Override
        public FieldFetchingInstrumentationContext beginFieldFetching(InstrumentationFieldFetchParameters parameters, InstrumentationState state) {
            return null;
        }
    }

    /**
     * A hook graphql-java adds in a later version would otherwise fall to the interface's default, which would skip
     * the instrumentations that implement it; the gateway, on a newer graphql-java than the services, runs this too.
     */
    @Test
    void overridesEveryHookOfGraphQlJavasInstrumentation() {
        assertThat(RoutedInstrumentation.unroutedHooks()).isEmpty();
    }
}
