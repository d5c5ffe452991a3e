package org.civicgraph.plans.plan;

import org.civicgraph.platform.graphql.PageRequests;
import org.civicgraph.platform.graphql.FederatedEntities;
import org.springframework.data.domain.Window;
import org.springframework.graphql.data.federation.EntityMapping;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.graphql.data.query.ScrollSubrange;
import org.springframework.stereotype.Controller;

import java.util.List;

@Controller
class PlanController {

    private final PlanCatalogue catalogue;
    private final PageRequests pages;

    PlanController(PlanCatalogue catalogue, PageRequests pages) {
        this.catalogue = catalogue;
        this.pages = pages;
    }

    @QueryMapping
    Plan plan(@Argument String id) {
        return catalogue.find(id).orElse(null);
    }

    @QueryMapping
    Window<Plan> plans(@Argument PlanFilter filter, ScrollSubrange subrange) {
        return catalogue.search(filter == null ? PlanFilter.NONE : filter, pages.position(subrange), pages.size(subrange));
    }

    @SchemaMapping(typeName = "Plan")
    List<PlanTheme> themes(Plan plan) {
        return PlanTheme.of(plan);
    }

    @SchemaMapping(typeName = "Plan")
    String firstReportingPeriod(Plan plan) {
        return plan.reportingWindow().map(window -> window.first().toString()).orElse(null);
    }

    @SchemaMapping(typeName = "Plan")
    String lastReportingPeriod(Plan plan) {
        return plan.reportingWindow().map(window -> window.last().toString()).orElse(null);
    }

    @MutationMapping
    PlanPayload createPlan(@Argument CreatePlanInput input) {
        return new PlanPayload(catalogue.create(input));
    }

    @MutationMapping
    PlanPayload updatePlan(@Argument UpdatePlanInput input) {
        return new PlanPayload(catalogue.update(input));
    }

    /** Federation asks for many plans at once and expects them back in its order, null where there is none to show. */
    @EntityMapping("Plan")
    List<Plan> planEntities(@Argument List<String> id) {
        return FederatedEntities.inRequestedOrder(id, catalogue.findReadable(id), Plan::getId);
    }

    /** What createPlan and updatePlan return. */
    record PlanPayload(Plan plan) {
    }
}
