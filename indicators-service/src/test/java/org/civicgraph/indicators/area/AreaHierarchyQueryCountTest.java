package org.civicgraph.indicators.area;

import org.civicgraph.indicators.MongoQueries;
import org.civicgraph.platform.test.GraphQlHttp;
import org.civicgraph.platform.test.PlatformIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Parents, children and ancestors of a page of areas cost one query per level of the hierarchy, not one per area. */
@PlatformIntegrationTest
@TestPropertySource(properties = "civicgraph.demo-data.enabled=true")
class AreaHierarchyQueryCountTest {

    private static final String DISTRICTS = """
            query($first: Int) {
              areas(filter: {type: DISTRICT, parentCode: "E10000018"}, first: $first) { edges { node { code parent { name } ancestors { name } } } } }""";

    @LocalServerPort
    int port;

    @Autowired
    MongoQueries queries;

    @Test
    void allTheAreasWithTheirParentsChildrenAndAncestorsCostAHandfulOfQueries() {
        List<String> issued = areaQueries(() -> assertThat(GraphQlHttp.onPort(port).post(
                "{ areas(first: 100) { edges { node { code parent { code } children { code } ancestors { code } } } } }")
                .<List<String>>read("$.data.areas.edges[*].node.code")).hasSizeGreaterThanOrEqualTo(18));

        // the page, the parents, the children, and at most one per level above a district (county, region, country)
        assertThat(issued).as(issued.toString()).hasSizeLessThanOrEqualTo(1 + 1 + 1 + 3);
    }

    @Test
    void sevenDistrictsCostNoMoreQueriesThanTwo() {
        GraphQlHttp graphql = GraphQlHttp.onPort(port);
        List<String> forTwo = areaQueries(() -> assertThat(graphql.post(DISTRICTS, Map.of("first", 2))
                .<List<String>>read("$.data.areas.edges[*].node.ancestors[2].name")).containsOnly("England").hasSize(2));
        List<String> forSeven = areaQueries(() -> assertThat(graphql.post(DISTRICTS, Map.of("first", 50))
                .<List<String>>read("$.data.areas.edges[*].node.ancestors[2].name")).containsOnly("England").hasSize(7));

        assertThat(forSeven).as(forSeven.toString()).hasSameSizeAs(forTwo).hasSizeLessThanOrEqualTo(1 + 1 + 3);
    }

    private List<String> areaQueries(Runnable request) {
        return MongoQueries.of("areas", queries.during(request));
    }
}
