package org.civicgraph.indicators.area;

import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import org.bson.BsonDocument;
import org.civicgraph.platform.test.GraphQlHttp;
import org.civicgraph.platform.test.PlatformIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.TestPropertySource;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/** Parents, children and ancestors of a page of areas cost one query per level of the hierarchy, not one per area. */
@PlatformIntegrationTest
@TestPropertySource(properties = "civicgraph.demo-data.enabled=true")
class AreaHierarchyQueryCountTest {

    private static final String DISTRICTS = """
            query($first: Int) {
              areas(filter: {type: DISTRICT}, first: $first) { edges { node { code parent { name } ancestors { name } } } } }""";

    @LocalServerPort
    int port;

    @Autowired
    AreaQueries queries;

    @Test
    void allEighteenAreasWithTheirParentsChildrenAndAncestorsCostAHandfulOfQueries() {
        List<String> issued = queries.during(() -> assertThat(GraphQlHttp.onPort(port).post(
                "{ areas(first: 50) { edges { node { code parent { code } children { code } ancestors { code } } } } }")
                .<List<String>>read("$.data.areas.edges[*].node.code")).hasSize(18));

        // the page, the parents, the children, and at most one per level above a district (county, region, country)
        assertThat(issued).as(issued.toString()).hasSizeLessThanOrEqualTo(1 + 1 + 1 + 3);
    }

    @Test
    void fourteenDistrictsCostNoMoreQueriesThanTwo() {
        GraphQlHttp graphql = GraphQlHttp.onPort(port);
        List<String> forTwo = queries.during(() -> assertThat(graphql.post(DISTRICTS, Map.of("first", 2))
                .<List<String>>read("$.data.areas.edges[*].node.ancestors[2].name")).containsOnly("England").hasSize(2));
        List<String> forFourteen = queries.during(() -> assertThat(graphql.post(DISTRICTS, Map.of("first", 50))
                .<List<String>>read("$.data.areas.edges[*].node.ancestors[2].name")).containsOnly("England").hasSize(14));

        assertThat(forFourteen).as(forFourteen.toString()).hasSameSizeAs(forTwo).hasSizeLessThanOrEqualTo(1 + 1 + 3);
    }

    /** Records the filters of the queries the service sends to the areas collection, leaving out the outbox relay's. */
    static class AreaQueries implements CommandListener {

        private final List<String> filters = new CopyOnWriteArrayList<>();

        List<String> during(Runnable request) {
            filters.clear();
            request.run();
            return List.copyOf(filters);
        }

        @Override
        public void commandStarted(CommandStartedEvent event) {
            BsonDocument command = event.getCommand();
            if ("find".equals(event.getCommandName()) && "areas".equals(command.getString("find").getValue())) {
                BsonDocument filter = command.getDocument("filter", new BsonDocument());
                if (!filter.containsKey("pendingEvents.0")) {
                    filters.add(filter.toJson());
                }
            }
        }
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class CountAreaQueries {

        @Bean
        AreaQueries areaQueries() {
            return new AreaQueries();
        }

        @Bean
        MongoClientSettingsBuilderCustomizer countAreaQueries(AreaQueries queries) {
            return settings -> settings.addCommandListener(queries);
        }
    }
}
