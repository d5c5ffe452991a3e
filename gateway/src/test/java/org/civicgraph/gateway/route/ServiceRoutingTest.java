package org.civicgraph.gateway.route;

import org.civicgraph.gateway.downstream.Service;
import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Which operations the gateway passes to one service whole, read from the services' own schemas. */
class ServiceRoutingTest {

    private final ServiceRouting routing = new ServiceRouting(new RootFieldRoutes(), null);

    @Test
    void aQueryOfOneServicesFieldsGoesToThatServiceAndIsRetriable() {
        assertThat(routing.route("{ plan(id: \"p\") { id } ragSummary(planId: \"p\", period: \"2021/22 Q2\") { planId } }", null))
                .isEqualTo(new ServiceRouting.Route.To(Service.PLANS, true));
        assertThat(routing.route("query Find { organisations(first: 5) { edges { node { id } } } __typename }", "Find"))
                .isEqualTo(new ServiceRouting.Route.To(Service.PARTNERS, true));
    }

    @Test
    void aMutationGoesToTheServiceThatOwnsItAndIsNeverRetried() {
        assertThat(routing.route("mutation($input: SubmitProgressInput!) { submitProgressUpdate(input: $input) { update { id } } }", null))
                .isEqualTo(new ServiceRouting.Route.To(Service.PLANS, false));
        assertThat(routing.route("mutation { recordContractRating(input: {id: \"c\", scale: \"LEGACY\", rating: \"GOOD\"}) { contract { id } } }", null))
                .isEqualTo(new ServiceRouting.Route.To(Service.CONTRACTS, false));
    }

    @Test
    void theSameDocumentRoutesByTheOperationNamedEachTime() {
        String document = "query Plan { plan(id: \"p\") { id } } query Directory { organisation(id: \"boston-bc\") { id } }";

        assertThat(routing.route(document, "Plan")).isEqualTo(new ServiceRouting.Route.To(Service.PLANS, true));
        assertThat(routing.route(document, "Directory")).isEqualTo(new ServiceRouting.Route.To(Service.PARTNERS, true));
        assertThat(routing.route(document, "Plan")).isEqualTo(new ServiceRouting.Route.To(Service.PLANS, true));
    }

    @Test
    void rootFieldsInFragmentsCount() {
        assertThat(routing.route("query { ...Directory } fragment Directory on Query { organisation(id: \"boston-bc\") { id } }", null))
                .isEqualTo(new ServiceRouting.Route.To(Service.PARTNERS, true));
    }

    @Test
    void theGatewaysOwnViewsSubscriptionsAndIntrospectionStayHere() {
        assertThat(routing.route("{ areaProfile(code: \"E07000136\") { code } }", null)).isInstanceOf(ServiceRouting.Route.Here.class);
        assertThat(routing.route("subscription { changes { id } }", null)).isInstanceOf(ServiceRouting.Route.Here.class);
        assertThat(routing.route("{ __schema { queryType { name } } }", null)).isInstanceOf(ServiceRouting.Route.Here.class);
        assertThat(routing.route("{ not valid", null)).isInstanceOf(ServiceRouting.Route.Here.class);
    }

    @Test
    void anOperationMixingServicesIsRefusedWithTheirNames() {
        assertThat(routing.route("{ plan(id: \"p\") { id } contract(id: \"c\") { id } areaProfile(code: \"E07000136\") { code } }", null))
                .isEqualTo(new ServiceRouting.Route.Mixed(Set.of("plans", "contracts", "gateway")));
    }
}
