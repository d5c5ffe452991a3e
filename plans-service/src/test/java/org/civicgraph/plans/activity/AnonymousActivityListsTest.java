package org.civicgraph.plans.activity;

import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import org.bson.BsonDocument;
import org.civicgraph.plans.PlansApi;
import org.civicgraph.platform.test.GraphQlHttp;
import org.civicgraph.platform.test.PlatformIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Activity lists leave out the activities of internal plans for anonymous callers, in every list of a query, while
 * the internal plans are looked up once per request (the gateway's area profile asks for four lists at a time).
 */
@PlatformIntegrationTest
class AnonymousActivityListsTest {

    private static final String OWNER = "south-holland-dc";
    private static final String THREE_LISTS = """
            query($public: ID!, $internal: ID!, $owner: ID!) {
              ofPublic: activities(filter: {planId: $public}, first: 10) { edges { node { id } } }
              ofInternal: activities(filter: {planId: $internal}, first: 10) { edges { node { id } } }
              ofOwner: activities(filter: {organisation: $owner}, first: 100) { edges { node { id } } } }""";
    private static final AtomicInteger internalPlanReads = new AtomicInteger();

    @LocalServerPort
    int port;

    @Test
    void anonymousCallersSeeNoActivityOfAnInternalPlanInAnyListAndItsPlansAreLookedUpOnce() {
        PlansApi api = new PlansApi(port);
        String publicPlan = api.createPlan(OWNER, false);
        Map<String, Object> internal = api.newPlan(OWNER, false);
        internal.put("visibility", "INTERNAL");
        String internalPlan = api.createPlan(internal);
        String publicActivity = api.createActivity(OWNER, publicPlan, "A1", "people-1");
        String internalActivity = api.createActivity(OWNER, internalPlan, "A1", "people-1");
        Map<String, Object> variables = Map.of("public", publicPlan, "internal", internalPlan, "owner", OWNER);

        internalPlanReads.set(0);
        GraphQlHttp.Response anonymous = api.anonymous().post(THREE_LISTS, variables);
        int readsForAnonymous = internalPlanReads.getAndSet(0);
        GraphQlHttp.Response signedIn = api.as("boston-bc", "viewer").post(THREE_LISTS, variables);

        assertThat(anonymous.hasErrors()).as(anonymous.body()).isFalse();
        assertThat(anonymous.<List<String>>read("$.data.ofPublic.edges[*].node.id")).containsExactly(publicActivity);
        assertThat(anonymous.<List<String>>read("$.data.ofInternal.edges[*].node.id")).isEmpty();
        assertThat(anonymous.<List<String>>read("$.data.ofOwner.edges[*].node.id")).contains(publicActivity).doesNotContain(internalActivity);
        assertThat(readsForAnonymous).as("reads of the internal plans' ids for one anonymous request").isEqualTo(1);
        assertThat(signedIn.<List<String>>read("$.data.ofInternal.edges[*].node.id")).containsExactly(internalActivity);
        assertThat(signedIn.<List<String>>read("$.data.ofOwner.edges[*].node.id")).contains(publicActivity, internalActivity);
        assertThat(internalPlanReads.get()).as("a signed-in caller reads every plan's activities").isZero();
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class InternalPlanReadCounting {

        @Bean
        MongoClientSettingsBuilderCustomizer countInternalPlanReads() {
            return settings -> settings.addCommandListener(new CommandListener() {
                @Override
                public void commandStarted(CommandStartedEvent event) {
                    BsonDocument command = event.getCommand();
                    if (event.getCommandName().equals("find") && command.getString("find").getValue().equals("plans")
                            && command.containsKey("filter") && command.getDocument("filter").containsKey("visibility")) {
                        internalPlanReads.incrementAndGet();
                    }
                }
            });
        }
    }
}
