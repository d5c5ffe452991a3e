package org.civicgraph.partners;

import org.civicgraph.platform.graphql.RoutedInstrumentation;
import org.civicgraph.platform.test.GraphQlHttp;
import org.civicgraph.platform.test.PlatformIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.graphql.execution.GraphQlSource;
import org.springframework.test.context.TestPropertySource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The platform's GraphQL limits, applied with tight values so this schema can exceed them, through the platform's
 * instrumentations routed hook by hook.
 */
@PlatformIntegrationTest
@TestPropertySource(properties = {
        "civicgraph.graphql.max-depth=4",
        "civicgraph.graphql.max-aliases=3",
        "civicgraph.graphql.max-complexity=60",
        "civicgraph.graphql.max-tokens=400"})
class GraphQlLimitsTest {

    @LocalServerPort
    int port;

    @Autowired
    GraphQlSource graphQlSource;

    @Test
    void theLimitsAreCheckedByTheInstrumentationThatImplementsThem() {
        assertThat(graphQlSource.graphQl().getInstrumentation()).isInstanceOf(RoutedInstrumentation.class);
        assertThat(((RoutedInstrumentation) graphQlSource.graphQl().getInstrumentation()).routes())
                .containsEntry("beginValidation", List.of("QueryLimitsInstrumentation"))
                .doesNotContainKeys("beginFieldCompletion", "beginFieldExecution");
    }

    @Test
    void aQueryWithinTheLimitsRuns() {
        GraphQlHttp.Response response = GraphQlHttp.onPort(port).post("{ organisations(first: 2) { edges { node { id } } } }");

        assertThat(response.hasErrors()).as(response.body()).isFalse();
    }

    @Test
    void anOverDeepQueryIsRejected() {
        GraphQlHttp.Response response = GraphQlHttp.onPort(port).post(
                "{ organisations(first: 1) { edges { node { identifiers { scheme } } } } }");

        assertThat(response.errorCodes()).containsExactly("QUERY_TOO_DEEP");
        assertThat(response.<String>read("$.errors[0].message")).contains("5 levels deep").contains("limit is 4");
        assertThat(response.json().read("$", java.util.Map.class)).doesNotContainKey("data");
    }

    @Test
    void anOverAliasedQueryIsRejected() {
        GraphQlHttp.Response response = GraphQlHttp.onPort(port).post(
                "{ a: organisation(id: \"a\") { id } b: organisation(id: \"b\") { id } c: organisation(id: \"c\") { id } d: organisation(id: \"d\") { id } }");

        assertThat(response.errorCodes()).containsExactly("TOO_MANY_ALIASES");
        assertThat(response.<Integer>read("$.errors[0].extensions.actual")).isEqualTo(4);
    }

    @Test
    void anOverComplexQueryIsRejected() {
        GraphQlHttp.Response response = GraphQlHttp.onPort(port).post(
                "{ organisations(first: 50) { edges { node { id name website } } } }");

        assertThat(response.errorCodes()).containsExactly("QUERY_TOO_COMPLEX");
    }

    @Test
    void aPageSizeGivenAsAVariableCountsAsTheItemsItAsksFor() {
        String query = "query($n: Int) { organisations(first: $n) { edges { node { id name website } } } }";

        GraphQlHttp.Response small = GraphQlHttp.onPort(port).post(query, java.util.Map.of("n", 2));
        GraphQlHttp.Response large = GraphQlHttp.onPort(port).post(query, java.util.Map.of("n", 50));
        GraphQlHttp.Response smallAgain = GraphQlHttp.onPort(port).post(query, java.util.Map.of("n", 2));

        assertThat(small.hasErrors()).as(small.body()).isFalse();
        assertThat(smallAgain.hasErrors()).as("the same document with other variables is measured again").isFalse();
        assertThat(large.errorCodes()).containsExactly("QUERY_TOO_COMPLEX");
        // 1 + 50 x (edges 1 + node (1 + 3 fields)): the page as asked, below the largest page of 100
        assertThat(large.<Integer>read("$.errors[0].extensions.actual")).isEqualTo(251);
        assertThat(large.json().read("$", java.util.Map.class)).doesNotContainKey("data");
    }

    @Test
    void aListAskedForWithoutAPageSizeCountsAsTheDefaultPage() {
        GraphQlHttp.Response response = GraphQlHttp.onPort(port).post("{ organisations { edges { node { id name website } } } }");

        assertThat(response.errorCodes()).containsExactly("QUERY_TOO_COMPLEX");
        // 1 + 20 (the default page) x 5
        assertThat(response.<Integer>read("$.errors[0].extensions.actual")).isEqualTo(101);
    }

    @Test
    void anOverLongQueryIsRejectedByTheParser() {
        GraphQlHttp.Response response = GraphQlHttp.onPort(port).post("{ organisation(id: \"x\") { " + "id ".repeat(500) + "} }");

        assertThat(response.errorCodes()).containsExactly("GRAPHQL_PARSE_FAILED");
        assertThat(response.<String>read("$.errors[0].message")).contains("400");
    }
}
