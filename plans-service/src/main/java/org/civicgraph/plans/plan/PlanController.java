package org.civicgraph.plans.plan;

import org.civicgraph.plans.plan.ThemeInputs.AddObjectiveInput;
import org.civicgraph.plans.plan.ThemeInputs.AddThemeInput;
import org.civicgraph.plans.plan.ThemeInputs.RemoveObjectiveInput;
import org.civicgraph.plans.plan.ThemeInputs.RemoveThemeInput;
import org.civicgraph.plans.plan.ThemeInputs.UpdateObjectiveInput;
import org.civicgraph.plans.plan.ThemeInputs.UpdateThemeInput;
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
    private final PlanStructure structure;
    private final PageRequests pages;

    PlanController(PlanCatalogue catalogue, PlanStructure structure, PageRequests pages) {
        this.catalogue = catalogue;
        this.structure = structure;
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

    @MutationMapping
    ThemePayload addTheme(@Argument AddThemeInput input) {
        Plan plan = structure.addTheme(input);
        return new ThemePayload(plan, new PlanTheme(plan.getId(), plan.getThemes().get(plan.getThemes().size() - 1)));
    }

    @MutationMapping
    ThemePayload updateTheme(@Argument UpdateThemeInput input) {
        Plan plan = structure.updateTheme(input);
        return new ThemePayload(plan, new PlanTheme(plan.getId(), plan.theme(input.key()).orElseThrow()));
    }

    @MutationMapping
    ThemePayload removeTheme(@Argument RemoveThemeInput input) {
        return new ThemePayload(structure.removeTheme(input), null);
    }

    @MutationMapping
    ObjectivePayload addObjective(@Argument AddObjectiveInput input) {
        Plan plan = structure.addObjective(input);
        Theme theme = plan.theme(input.themeKey()).orElseThrow();
        return new ObjectivePayload(plan, new PlanObjective(plan.getId(), theme.key(), theme.objectives().get(theme.objectives().size() - 1)));
    }

    @MutationMapping
    ObjectivePayload updateObjective(@Argument UpdateObjectiveInput input) {
        Plan plan = structure.updateObjective(input);
        Theme theme = plan.themeOfObjective(input.key()).orElseThrow();
        return new ObjectivePayload(plan, new PlanObjective(plan.getId(), theme.key(), plan.objective(input.key()).orElseThrow()));
    }

    @MutationMapping
    ObjectivePayload removeObjective(@Argument RemoveObjectiveInput input) {
        return new ObjectivePayload(structure.removeObjective(input), null);
    }

    /** Federation asks for many plans at once and expects them back in its order, null where there is none to show. */
    @EntityMapping("Plan")
    List<Plan> planEntities(@Argument List<String> id) {
        return FederatedEntities.inRequestedOrder(id, catalogue.findReadable(id), Plan::getId);
    }

    /** What createPlan and updatePlan return. */
    record PlanPayload(Plan plan) {
    }

    /** What the theme mutations return: the plan, and the theme unless it was removed. */
    record ThemePayload(Plan plan, PlanTheme theme) {
    }

    /** What the objective mutations return: the plan, and the objective unless it was removed. */
    record ObjectivePayload(Plan plan, PlanObjective objective) {
    }
}
