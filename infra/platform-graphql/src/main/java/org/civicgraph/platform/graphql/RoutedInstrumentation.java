package org.civicgraph.platform.graphql;

import graphql.ExecutionInput;
import graphql.ExecutionResult;
import graphql.execution.ExecutionContext;
import graphql.execution.instrumentation.ChainedInstrumentation;
import graphql.execution.instrumentation.DocumentAndVariables;
import graphql.execution.instrumentation.ExecuteObjectInstrumentationContext;
import graphql.execution.instrumentation.ExecutionStrategyInstrumentationContext;
import graphql.execution.instrumentation.FieldFetchingInstrumentationContext;
import graphql.execution.instrumentation.Instrumentation;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationCreateStateParameters;
import graphql.execution.instrumentation.parameters.InstrumentationExecuteOperationParameters;
import graphql.execution.instrumentation.parameters.InstrumentationExecutionParameters;
import graphql.execution.instrumentation.parameters.InstrumentationExecutionStrategyParameters;
import graphql.execution.instrumentation.parameters.InstrumentationFieldCompleteParameters;
import graphql.execution.instrumentation.parameters.InstrumentationFieldFetchParameters;
import graphql.execution.instrumentation.parameters.InstrumentationFieldParameters;
import graphql.execution.instrumentation.parameters.InstrumentationReactiveResultsParameters;
import graphql.execution.instrumentation.parameters.InstrumentationValidationParameters;
import graphql.language.Document;
import graphql.schema.DataFetcher;
import graphql.schema.GraphQLSchema;
import graphql.validation.ValidationError;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * The application's instrumentations (query limits, error codes, request and data fetcher observations) as one,
 * where each hook goes only to the instrumentations that implement it, each with its own state, in their order; to
 * graphql-java's no-op instrumentation when none does. {@link ChainedInstrumentation} asks every instrumentation at
 * every hook, including the five that graphql-java calls for each field of the answer and that none of them
 * implements: for a view of several hundred records that chain was about a tenth of the gateway's CPU time, and 7%
 * of plans-service's for the area profile's activities. The three hooks with contexts of their own kind
 * ({@code beginExecutionStrategy}, {@code beginExecuteObject}, {@code beginFieldFetching}) are routed when one
 * instrumentation implements them at most; otherwise everything stays chained as before ({@link #of}).
 */
public final class RoutedInstrumentation implements Instrumentation {

    /** Methods that count as not implementing a hook: the interface's defaults and graphql-java's no-op base class. */
    private static final Set<Class<?>> NO_OP = Set.of(Instrumentation.class, SimplePerformantInstrumentation.class);
    /** Hooks that are one hook under two names: the default of one calls the other. */
    private static final Map<String, String> SAME_HOOK = Map.of("createState", "createStateAsync", "beginFieldFetch", "beginFieldFetching");
    /** Hooks whose contexts cannot simply be chained here. */
    private static final Set<String> ONE_ONLY = Set.of("beginExecutionStrategy", "beginExecuteObject", "beginFieldFetching");
    private static final Instrumentation NONE = SimplePerformantInstrumentation.INSTANCE;

    private final List<Instrumentation> all;
    private final Map<String, int[]> owners;

    private final int[] state;
    private final int[] execution;
    private final int[] parse;
    private final int[] validation;
    private final int[] executeOperation;
    private final int[] reactiveResults;
    private final int[] executionStrategy;
    private final int[] executeObject;
    private final int[] deferredField;
    private final int[] subscribedFieldEvent;
    private final int[] fieldExecution;
    private final int[] fieldFetching;
    private final int[] fieldCompletion;
    private final int[] fieldListCompletion;
    private final int[] executionInput;
    private final int[] documentAndVariables;
    private final int[] schema;
    private final int[] executionContext;
    private final int[] dataFetcher;
    private final int[] executionResult;

    private RoutedInstrumentation(List<Instrumentation> all, Map<String, int[]> owners) {
        this.all = all;
        this.owners = owners;
        this.state = owners("createStateAsync");
        this.execution = owners("beginExecution");
        this.parse = owners("beginParse");
        this.validation = owners("beginValidation");
        this.executeOperation = owners("beginExecuteOperation");
        this.reactiveResults = owners("beginReactiveResults");
        this.executionStrategy = owners("beginExecutionStrategy");
        this.executeObject = owners("beginExecuteObject");
        this.deferredField = owners("beginDeferredField");
        this.subscribedFieldEvent = owners("beginSubscribedFieldEvent");
        this.fieldExecution = owners("beginFieldExecution");
        this.fieldFetching = owners("beginFieldFetching");
        this.fieldCompletion = owners("beginFieldCompletion");
        this.fieldListCompletion = owners("beginFieldListCompletion");
        this.executionInput = owners("instrumentExecutionInput");
        this.documentAndVariables = owners("instrumentDocumentAndVariables");
        this.schema = owners("instrumentSchema");
        this.executionContext = owners("instrumentExecutionContext");
        this.dataFetcher = owners("instrumentDataFetcher");
        this.executionResult = owners("instrumentExecutionResult");
    }

    /**
     * The instrumentations as one, routed hook by hook; a {@link ChainedInstrumentation} (as Spring for GraphQL
     * builds from the application's instrumentations) is opened up first.
     */
    static Instrumentation of(Instrumentation instrumentation) {
        List<Instrumentation> all = instrumentation instanceof ChainedInstrumentation chained
                ? List.copyOf(chained.getInstrumentations()) : List.of(instrumentation);
        Map<String, List<Integer>> implementers = new LinkedHashMap<>();
        for (Method hook : Instrumentation.class.getMethods()) {
            String name = SAME_HOOK.getOrDefault(hook.getName(), hook.getName());
            for (int i = 0; i < all.size(); i++) {
                List<Integer> found = implementers.computeIfAbsent(name, key -> new ArrayList<>());
                if (implementsHook(all.get(i), hook) && !found.contains(i)) {
                    found.add(i);
                }
            }
        }
        Map<String, int[]> owners = new LinkedHashMap<>();
        for (Map.Entry<String, List<Integer>> hook : implementers.entrySet()) {
            if (ONE_ONLY.contains(hook.getKey()) && hook.getValue().size() > 1) {
                return instrumentation;
            }
            if (!hook.getValue().isEmpty()) {
                owners.put(hook.getKey(), hook.getValue().stream().mapToInt(Integer::intValue).sorted().toArray());
            }
        }
        return new RoutedInstrumentation(all, owners);
    }

    private static boolean implementsHook(Instrumentation instrumentation, Method hook) {
        try {
            Method method = instrumentation.getClass().getMethod(hook.getName(), hook.getParameterTypes());
            return !NO_OP.contains(method.getDeclaringClass());
        } catch (NoSuchMethodException e) {
            return false;
        }
    }

    private int[] owners(String hook) {
        return owners.getOrDefault(hook, new int[0]);
    }

    /** Which instrumentations each implemented hook goes to, for tests and diagnostics. */
    public Map<String, List<String>> routes() {
        Map<String, List<String>> routes = new LinkedHashMap<>();
        owners.forEach((hook, indexes) -> routes.put(hook, java.util.Arrays.stream(indexes).mapToObj(i -> all.get(i).getClass().getSimpleName()).toList()));
        return routes;
    }

    /**
     * The hooks of graphql-java's {@link Instrumentation} on the class path that this class does not override (none is
     * right): a hook added in a later graphql-java would fall to the interface's default and skip its implementers.
     */
    public static List<String> unroutedHooks() {
        List<String> unrouted = new ArrayList<>();
        for (Method hook : Instrumentation.class.getMethods()) {
            if (SAME_HOOK.containsKey(hook.getName())) {
                continue; // graphql-java calls the hook's other name
            }
            try {
                RoutedInstrumentation.class.getDeclaredMethod(hook.getName(), hook.getParameterTypes());
            } catch (NoSuchMethodException e) {
                unrouted.add(hook.getName());
            }
        }
        return unrouted;
    }

    /** Each instrumentation's own state, by its position; null for those without one, as in a chain. */
    private record States(InstrumentationState[] byInstrumentation) implements InstrumentationState {
    }

    private static InstrumentationState stateOf(InstrumentationState state, int instrumentation) {
        return state instanceof States states ? states.byInstrumentation()[instrumentation] : null;
    }

    @Override
    public CompletableFuture<InstrumentationState> createStateAsync(InstrumentationCreateStateParameters parameters) {
        InstrumentationState[] states = new InstrumentationState[all.size()];
        CompletableFuture<?>[] created = new CompletableFuture<?>[state.length];
        for (int i = 0; i < state.length; i++) {
            int instrumentation = state[i];
            CompletableFuture<InstrumentationState> one = all.get(instrumentation).createStateAsync(parameters);
            created[i] = one == null ? CompletableFuture.completedFuture(null) : one.thenAccept(own -> states[instrumentation] = own);
        }
        return CompletableFuture.allOf(created).thenApply(done -> new States(states));
    }

    /** The contexts of the instrumentations that implement a hook: none, one, or several completed together. */
    private interface Begin<T> {
        InstrumentationContext<T> begin(Instrumentation instrumentation, InstrumentationState state);
    }

    private <T> InstrumentationContext<T> begin(int[] owners, InstrumentationState state, Begin<T> begin) {
        if (owners.length == 0) {
            return begin.begin(NONE, null);
        }
        if (owners.length == 1) {
            return begin.begin(all.get(owners[0]), stateOf(state, owners[0]));
        }
        List<InstrumentationContext<T>> contexts = new ArrayList<>(owners.length);
        for (int owner : owners) {
            InstrumentationContext<T> context = begin.begin(all.get(owner), stateOf(state, owner));
            if (context != null) {
                contexts.add(context);
            }
        }
        return contexts.isEmpty() ? null : contexts.size() == 1 ? contexts.get(0) : new InstrumentationContext<>() {
            @Override
            public void onDispatched() {
                contexts.forEach(InstrumentationContext::onDispatched);
            }

            @Override
            public void onCompleted(T result, Throwable t) {
                contexts.forEach(context -> context.onCompleted(result, t));
            }
        };
    }

    private interface Apply<T> {
        T apply(Instrumentation instrumentation, T value, InstrumentationState state);
    }

    private <T> T apply(int[] owners, T value, InstrumentationState state, Apply<T> apply) {
        if (owners.length == 0) {
            return apply.apply(NONE, value, null);
        }
        T result = value;
        for (int owner : owners) {
            result = apply.apply(all.get(owner), result, stateOf(state, owner));
        }
        return result;
    }

    /** The one instrumentation that implements a hook whose context is of its own kind, or the no-op one. */
    private Instrumentation only(int[] owners) {
        return owners.length == 0 ? NONE : all.get(owners[0]);
    }

    private InstrumentationState onlyState(int[] owners, InstrumentationState state) {
        return owners.length == 0 ? null : stateOf(state, owners[0]);
    }

    @Override
    public InstrumentationContext<ExecutionResult> beginExecution(InstrumentationExecutionParameters parameters, InstrumentationState state) {
        return begin(execution, state, (instrumentation, own) -> instrumentation.beginExecution(parameters, own));
    }

    @Override
    public InstrumentationContext<Document> beginParse(InstrumentationExecutionParameters parameters, InstrumentationState state) {
        return begin(parse, state, (instrumentation, own) -> instrumentation.beginParse(parameters, own));
    }

    @Override
    public InstrumentationContext<List<ValidationError>> beginValidation(InstrumentationValidationParameters parameters, InstrumentationState state) {
        return begin(validation, state, (instrumentation, own) -> instrumentation.beginValidation(parameters, own));
    }

    @Override
    public InstrumentationContext<ExecutionResult> beginExecuteOperation(InstrumentationExecuteOperationParameters parameters, InstrumentationState state) {
        return begin(executeOperation, state, (instrumentation, own) -> instrumentation.beginExecuteOperation(parameters, own));
    }

    @Override
    public InstrumentationContext<Void> beginReactiveResults(InstrumentationReactiveResultsParameters parameters, InstrumentationState state) {
        return begin(reactiveResults, state, (instrumentation, own) -> instrumentation.beginReactiveResults(parameters, own));
    }

    @Override
    public ExecutionStrategyInstrumentationContext beginExecutionStrategy(InstrumentationExecutionStrategyParameters parameters, InstrumentationState state) {
        return only(executionStrategy).beginExecutionStrategy(parameters, onlyState(executionStrategy, state));
    }

    @Override
    public ExecuteObjectInstrumentationContext beginExecuteObject(InstrumentationExecutionStrategyParameters parameters, InstrumentationState state) {
        return only(executeObject).beginExecuteObject(parameters, onlyState(executeObject, state));
    }

    @Override
    public InstrumentationContext<Object> beginDeferredField(InstrumentationFieldParameters parameters, InstrumentationState state) {
        return begin(deferredField, state, (instrumentation, own) -> instrumentation.beginDeferredField(parameters, own));
    }

    @Override
    public InstrumentationContext<ExecutionResult> beginSubscribedFieldEvent(InstrumentationFieldParameters parameters, InstrumentationState state) {
        return begin(subscribedFieldEvent, state, (instrumentation, own) -> instrumentation.beginSubscribedFieldEvent(parameters, own));
    }

    @Override
    public InstrumentationContext<Object> beginFieldExecution(InstrumentationFieldParameters parameters, InstrumentationState state) {
        return begin(fieldExecution, state, (instrumentation, own) -> instrumentation.beginFieldExecution(parameters, own));
    }

    @Override
    @SuppressWarnings("deprecation")
    public InstrumentationContext<Object> beginFieldFetch(InstrumentationFieldFetchParameters parameters, InstrumentationState state) {
        return only(fieldFetching).beginFieldFetch(parameters, onlyState(fieldFetching, state));
    }

    @Override
    public FieldFetchingInstrumentationContext beginFieldFetching(InstrumentationFieldFetchParameters parameters, InstrumentationState state) {
        return only(fieldFetching).beginFieldFetching(parameters, onlyState(fieldFetching, state));
    }

    @Override
    public InstrumentationContext<Object> beginFieldCompletion(InstrumentationFieldCompleteParameters parameters, InstrumentationState state) {
        return begin(fieldCompletion, state, (instrumentation, own) -> instrumentation.beginFieldCompletion(parameters, own));
    }

    @Override
    public InstrumentationContext<Object> beginFieldListCompletion(InstrumentationFieldCompleteParameters parameters, InstrumentationState state) {
        return begin(fieldListCompletion, state, (instrumentation, own) -> instrumentation.beginFieldListCompletion(parameters, own));
    }

    @Override
    public ExecutionInput instrumentExecutionInput(ExecutionInput input, InstrumentationExecutionParameters parameters, InstrumentationState state) {
        return apply(executionInput, input, state, (instrumentation, value, own) -> instrumentation.instrumentExecutionInput(value, parameters, own));
    }

    @Override
    public DocumentAndVariables instrumentDocumentAndVariables(DocumentAndVariables documentAndVariables, InstrumentationExecutionParameters parameters,
                                                               InstrumentationState state) {
        return apply(this.documentAndVariables, documentAndVariables, state,
                (instrumentation, value, own) -> instrumentation.instrumentDocumentAndVariables(value, parameters, own));
    }

    @Override
    public GraphQLSchema instrumentSchema(GraphQLSchema schema, InstrumentationExecutionParameters parameters, InstrumentationState state) {
        return apply(this.schema, schema, state, (instrumentation, value, own) -> instrumentation.instrumentSchema(value, parameters, own));
    }

    @Override
    public ExecutionContext instrumentExecutionContext(ExecutionContext context, InstrumentationExecutionParameters parameters, InstrumentationState state) {
        return apply(executionContext, context, state, (instrumentation, value, own) -> instrumentation.instrumentExecutionContext(value, parameters, own));
    }

    @Override
    public DataFetcher<?> instrumentDataFetcher(DataFetcher<?> fetcher, InstrumentationFieldFetchParameters parameters, InstrumentationState state) {
        if (dataFetcher.length == 1) { // the usual case, once for every field of the answer
            return all.get(dataFetcher[0]).instrumentDataFetcher(fetcher, parameters, stateOf(state, dataFetcher[0]));
        }
        DataFetcher<?> result = fetcher;
        for (int owner : dataFetcher) {
            result = all.get(owner).instrumentDataFetcher(result, parameters, stateOf(state, owner));
        }
        return result;
    }

    @Override
    public CompletableFuture<ExecutionResult> instrumentExecutionResult(ExecutionResult result, InstrumentationExecutionParameters parameters,
                                                                       InstrumentationState state) {
        if (executionResult.length == 0) {
            return NONE.instrumentExecutionResult(result, parameters, null);
        }
        CompletableFuture<ExecutionResult> chained = CompletableFuture.completedFuture(result);
        for (int owner : executionResult) {
            chained = chained.thenCompose(value -> all.get(owner).instrumentExecutionResult(value, parameters, stateOf(state, owner)));
        }
        return chained;
    }
}
