package org.civicgraph.gateway.execution;

import graphql.ExecutionInput;
import graphql.GraphQL;
import graphql.execution.AsyncExecutionStrategy;
import graphql.execution.ExecutionStrategy;
import graphql.execution.SimpleDataFetcherExceptionHandler;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationFieldCompleteParameters;
import graphql.schema.GraphQLSchema;
import graphql.schema.idl.RuntimeWiring;
import graphql.schema.idl.SchemaGenerator;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.TypeRuntimeWiring;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The projecting strategy answers every query exactly as graphql-java's own strategy does (data, errors with their
 * paths, null bubbling), on data made of maps and lists as the services' answers are decoded; and for such data its
 * completion work does not grow with the number of records.
 */
class ProjectingExecutionStrategyTest {

    private static final String SDL = """
            type Query { view: View item(id: ID!): Item }
            type View { items: [Item!]! one: Item count: Int! label: String }
            enum Kind { DISTRICT COUNTY }
            interface Named { name: String }
            type Area implements Named { name: String code: String }
            type Item { id: ID! name: String kind: Kind score: Float rank: Int tags: [String] grid: [[Int!]] child: Item
                        strict: String! place: Named computed: String }
            """;

    /** The same data every time: a record per number, with the oddities the cases below need. */
    private static Map<String, Object> view(int records, Map<String, Object> oddities) {
        List<Map<String, Object>> items = new ArrayList<>();
        for (int i = 0; i < records; i++) {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("id", "i" + i);
            item.put("name", i % 3 == 0 ? null : "Item " + i);
            item.put("kind", i % 2 == 0 ? "DISTRICT" : "COUNTY");
            item.put("score", i * 1.5);
            item.put("rank", i);
            item.put("tags", List.of("a" + i, "b"));
            item.put("grid", List.of(List.of(i, i + 1), List.of()));
            item.put("child", Map.of("id", "c" + i, "name", "Child " + i, "strict", "s"));
            item.put("strict", "s" + i);
            item.put("place", Map.of("name", "Boston", "code", "E07000136"));
            item.put("unasked", "left out");
            items.add(item);
        }
        if (!items.isEmpty()) {
            items.get(items.size() - 1).putAll(oddities);
        }
        Map<String, Object> view = new HashMap<>();
        view.put("items", items);
        view.put("one", items.isEmpty() ? null : items.get(0));
        view.put("count", records);
        return view;
    }

    private static GraphQL graphQl(ExecutionStrategy strategy, Map<String, Object> view, Counting counting) {
        RuntimeWiring wiring = RuntimeWiring.newRuntimeWiring()
                .type(TypeRuntimeWiring.newTypeWiring("Query")
                        .dataFetcher("view", environment -> CompletableFuture.supplyAsync(() -> view))
                        .dataFetcher("item", environment -> ((List<?>) view.get("items")).get(0)))
                .type(TypeRuntimeWiring.newTypeWiring("Item").dataFetcher("computed", environment -> "computed"))
                .type(TypeRuntimeWiring.newTypeWiring("Named").typeResolver(environment -> environment.getSchema().getObjectType("Area")))
                .build();
        GraphQLSchema schema = new SchemaGenerator().makeExecutableSchema(new SchemaParser().parse(SDL), wiring);
        return GraphQL.newGraphQL(schema).queryExecutionStrategy(strategy).instrumentation(counting).build();
    }

    private static Map<String, Object> answer(ExecutionStrategy strategy, String query, Map<String, Object> variables, Map<String, Object> view) {
        return graphQl(strategy, view, new Counting())
                .execute(ExecutionInput.newExecutionInput(query).variables(variables).build()).toSpecification();
    }

    private static ExecutionStrategy projecting() {
        return new ProjectingExecutionStrategy(new SimpleDataFetcherExceptionHandler());
    }

    private static ExecutionStrategy graphQlJavas() {
        return new AsyncExecutionStrategy(new SimpleDataFetcherExceptionHandler());
    }

    @ParameterizedTest
    @ValueSource(strings = {
            // fields, aliases, __typename, enums, floats, lists of lists, nested objects, keys not asked for
            "{ view { count label items { __typename id name kind score tags grid child { id name } } } }",
            "{ view { all: items { key: id name } again: items { id } one { id kind } } }",
            // fragments, inline fragments, the same field asked twice with different sub-selections
            "query { view { items { ...parts ... on Item { rank child { id } } child { name } } } } fragment parts on Item { id name }",
            // @skip and @include from variables
            "query($skip: Boolean!, $with: Boolean!) { view { items { id name @skip(if: $skip) score @include(if: $with) } } }",
            // an interface inside the records, and a field with a data fetcher of its own
            "{ view { items { id place { __typename name ... on Area { code } } } } }",
            "{ view { items { id computed } one { computed } } }",
            // a record that is not a map
            "{ item(id: \"i0\") { id name child { id } } }"
    })
    void answersAsGraphQlJavaDoes(String query) {
        Map<String, Object> variables = Map.of("skip", true, "with", false);
        Map<String, Object> view = view(7, Map.of());
        Map<String, Object> expected = answer(graphQlJavas(), query, variables, view);
        assertThat(expected).doesNotContainKey("errors");
        assertThat(answer(projecting(), query, variables, view)).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"missing", "wrong type", "not a list", "not a map", "a future"})
    void treatsOddDataAsGraphQlJavaDoes(String oddity) {
        Map<String, Object> oddities = switch (oddity) {
            case "missing" -> nullFor("strict"); // a String!: the null bubbles up to the list, which is non-null too
            case "wrong type" -> Map.of("rank", "not a number");
            case "not a list" -> Map.of("tags", "a, b");
            case "a future" -> Map.of("strict", CompletableFuture.completedFuture("from a future")); // awaited, not printed
            default -> Map.of("child", "c9");
        };
        String query = "{ view { count items { id strict rank tags child { id } } one { id } } }";
        Map<String, Object> view = view(5, oddities);
        Map<String, Object> expected = answer(graphQlJavas(), query, Map.of(), view);
        assertThat(expected.containsKey("errors") || oddity.equals("a future")).isTrue();
        assertThat(answer(projecting(), query, Map.of(), view)).isEqualTo(expected);
    }

    private static Map<String, Object> nullFor(String field) {
        Map<String, Object> oddity = new HashMap<>();
        oddity.put(field, null);
        return oddity;
    }

    @Test
    void completesManyRecordsWithTheWorkOfOne() {
        String query = "{ view { items { id name kind child { id name } } } }";
        int fewRecords = completions(projecting(), query, 5);
        int manyRecords = completions(projecting(), query, 50);
        assertThat(manyRecords).isEqualTo(fewRecords);
        assertThat(completions(graphQlJavas(), query, 50)).isGreaterThan(completions(graphQlJavas(), query, 5)).isGreaterThan(50 * 6);
    }

    private static int completions(ExecutionStrategy strategy, String query, int records) {
        Counting counting = new Counting();
        Map<String, Object> answer = graphQl(strategy, view(records, Map.of()), counting).execute(query).toSpecification();
        assertThat(answer).doesNotContainKey("errors");
        return counting.completions.get();
    }

    /** Counts the fields graphql-java completes one by one. */
    static class Counting extends SimplePerformantInstrumentation {
        final AtomicInteger completions = new AtomicInteger();

        @Override
        public InstrumentationContext<Object> beginFieldCompletion(InstrumentationFieldCompleteParameters parameters, InstrumentationState state) {
            completions.incrementAndGet();
            return super.beginFieldCompletion(parameters, state);
        }
    }
}
