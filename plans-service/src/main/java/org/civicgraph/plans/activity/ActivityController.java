package org.civicgraph.plans.activity;

import org.civicgraph.plans.plan.Plan;
import org.civicgraph.plans.plan.PlanCatalogue;
import org.civicgraph.plans.plan.PlanObjective;
import org.civicgraph.plans.plan.PlanTheme;
import org.civicgraph.platform.graphql.FederatedEntities;
import org.civicgraph.platform.graphql.PageRequests;
import org.springframework.data.domain.Window;
import org.springframework.graphql.data.federation.EntityMapping;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.graphql.data.query.ScrollSubrange;
import org.springframework.stereotype.Controller;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

@Controller
class ActivityController {

    private final ActivityCatalogue catalogue;
    private final PlanCatalogue plans;
    private final PageRequests pages;

    ActivityController(ActivityCatalogue catalogue, PlanCatalogue plans, PageRequests pages) {
        this.catalogue = catalogue;
        this.plans = plans;
        this.pages = pages;
    }

    @QueryMapping
    Activity activity(@Argument String planId, @Argument String reference, @Argument String theme, @Argument String referenceYear) {
        return catalogue.findByReference(planId, reference, theme, referenceYear).orElse(null);
    }

    @QueryMapping
    Activity activityById(@Argument String id) {
        return catalogue.find(id).orElse(null);
    }

    @QueryMapping
    Window<Activity> activities(@Argument ActivityFilter filter, ScrollSubrange subrange) {
        return catalogue.search(filter == null ? ActivityFilter.NONE : filter, pages.position(subrange), pages.size(subrange));
    }

    @SchemaMapping(typeName = "Plan", field = "activities")
    Window<Activity> planActivities(Plan plan, @Argument ActivityFilter filter, ScrollSubrange subrange) {
        return catalogue.search((filter == null ? ActivityFilter.NONE : filter).inPlan(plan.getId()), pages.position(subrange), pages.size(subrange));
    }

    @SchemaMapping(typeName = "Objective", field = "activities")
    Window<Activity> objectiveActivities(PlanObjective objective, ScrollSubrange subrange) {
        return catalogue.inObjective(objective.planId(), objective.key(), pages.position(subrange), pages.size(subrange));
    }

    /** The plans of a page of activities, in one query. */
    @BatchMapping(typeName = "Activity")
    Map<Activity, Plan> plan(List<Activity> activities) {
        Map<String, Plan> byId = plansOf(activities);
        return matched(activities, activity -> byId.get(activity.getPlanId()));
    }

    @BatchMapping(typeName = "Activity")
    Map<Activity, PlanTheme> theme(List<Activity> activities) {
        Map<String, Plan> byId = plansOf(activities);
        return matched(activities, activity -> {
            Plan plan = byId.get(activity.getPlanId());
            return plan == null ? null : plan.theme(activity.getThemeKey()).map(theme -> new PlanTheme(plan.getId(), theme)).orElse(null);
        });
    }

    @BatchMapping(typeName = "Activity")
    Map<Activity, PlanObjective> objective(List<Activity> activities) {
        Map<String, Plan> byId = plansOf(activities);
        return matched(activities, activity -> {
            Plan plan = byId.get(activity.getPlanId());
            return plan == null ? null : plan.objective(activity.getObjectiveKey())
                    .map(objective -> new PlanObjective(plan.getId(), activity.getThemeKey(), objective)).orElse(null);
        });
    }

    @MutationMapping
    ActivityPayload createActivity(@Argument CreateActivityInput input) {
        return new ActivityPayload(catalogue.create(input));
    }

    @MutationMapping
    ActivityPayload updateActivity(@Argument UpdateActivityInput input) {
        return new ActivityPayload(catalogue.update(input));
    }

    @MutationMapping
    ActivityPayload addMilestone(@Argument AddMilestoneInput input) {
        return new ActivityPayload(catalogue.addMilestone(input));
    }

    @MutationMapping
    ActivityPayload changeMilestone(@Argument ChangeMilestoneInput input) {
        return new ActivityPayload(catalogue.changeMilestone(input));
    }

    /** Federation asks for many activities at once and expects them back in its order, null where there is none to show. */
    @EntityMapping("Activity")
    List<Activity> activityEntities(@Argument List<String> id) {
        return FederatedEntities.inRequestedOrder(id, catalogue.findReadable(id), Activity::getId);
    }

    private Map<String, Plan> plansOf(List<Activity> activities) {
        return plans.findReadable(activities.stream().map(Activity::getPlanId).collect(Collectors.toSet())).stream()
                .collect(Collectors.toMap(Plan::getId, Function.identity()));
    }

    /** A map in the activities' order; a null value (a plan the caller may not read) is left out and resolves to null. */
    private static <T> Map<Activity, T> matched(List<Activity> activities, Function<Activity, T> lookup) {
        Map<Activity, T> result = new LinkedHashMap<>();
        for (Activity activity : activities) {
            T value = lookup.apply(activity);
            if (value != null) {
                result.put(activity, value);
            }
        }
        return result;
    }

    /** What the activity mutations return. */
    record ActivityPayload(Activity activity) {
    }
}
