package org.civicgraph.plans.progress;

import org.civicgraph.plans.activity.Activity;
import org.civicgraph.plans.activity.ActivityCatalogue;
import org.civicgraph.plans.period.Dates;
import org.civicgraph.plans.plan.Plan;
import org.civicgraph.plans.plan.PlanCatalogue;
import org.civicgraph.platform.security.Caller;
import org.civicgraph.platform.security.RecordAccess;
import org.dataloader.DataLoader;
import org.springframework.data.domain.OffsetScrollPosition;
import org.springframework.data.domain.ScrollPosition;
import org.springframework.security.access.AccessDeniedException;
import org.civicgraph.platform.graphql.NotFoundException;
import org.civicgraph.platform.graphql.PageRequests;
import org.springframework.data.domain.Window;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.graphql.data.query.ScrollSubrange;
import org.springframework.graphql.execution.BatchLoaderRegistry;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Mono;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.stream.Collectors;

@Controller
class ProgressController {

    private final ProgressReporting reporting;
    private final ProgressRecords records;
    private final ActivityCatalogue activities;
    private final PlanCatalogue plans;
    private final PageRequests pages;

    ProgressController(ProgressReporting reporting, ProgressRecords records, ActivityCatalogue activities, PlanCatalogue plans,
                       PageRequests pages, BatchLoaderRegistry loaders) {
        this.reporting = reporting;
        this.records = records;
        this.activities = activities;
        this.plans = plans;
        this.pages = pages;
        loaders.forTypePair(FirstHistoryPage.class, Window.class)
                .registerMappedBatchLoader((requests, environment) -> Mono.fromSupplier(() -> Map.copyOf(records.firstPages(requests))));
    }

    @MutationMapping
    ProgressUpdatePayload submitProgressUpdate(@Argument SubmitProgressInput input) {
        return new ProgressUpdatePayload(reporting.submit(input));
    }

    @MutationMapping
    ProgressUpdatePayload correctProgressUpdate(@Argument CorrectProgressInput input) {
        return new ProgressUpdatePayload(reporting.correct(input));
    }

    @MutationMapping
    ProgressUpdatePayload publishProgressUpdate(@Argument PublishProgressInput input) {
        return new ProgressUpdatePayload(reporting.publish(input));
    }

    /** Only signed-in users of the plan's owner see drafts; for anyone else the list is refused rather than empty. */
    @QueryMapping
    Window<ProgressUpdate> progressUpdatesAwaitingApproval(@Argument String planId, @Argument String period, ScrollSubrange subrange) {
        Plan plan = plans.require(planId, "planId");
        Caller caller = RecordAccess.requireSignedIn();
        if (!plan.showsDraftsTo(caller)) {
            throw new AccessDeniedException("Only users of " + plan.getOwnerOrganisation() + " see the drafts of " + plan.getId());
        }
        List<ProgressUpdate> drafts = records.awaitingApproval(plan.getId(), period == null ? null : Dates.period("period", period));
        ScrollPosition position = pages.position(subrange);
        int size = pages.size(subrange);
        int from = position instanceof OffsetScrollPosition offset && !offset.isInitial() ? (int) Math.min(offset.getOffset() + 1, drafts.size()) : 0;
        int to = Math.min(from + size, drafts.size());
        return Window.from(drafts.subList(from, to), OffsetScrollPosition.positionFunction(from), to < drafts.size());
    }

    @QueryMapping
    Window<ProgressUpdate> activityHistory(@Argument String activityId, @Argument String period, ScrollSubrange subrange) {
        Activity activity = activities.find(activityId).orElseThrow(() -> new NotFoundException("activityId", "No activity has the id " + activityId));
        return history(activity, period, subrange);
    }

    /**
     * An activity's history within a list of activities: the first pages of all of them are read in one query, so a
     * list's latest statuses ({@code history(first: 1)}) cost one query, not one per activity.
     */
    @SchemaMapping(typeName = "Activity", field = "history")
    CompletableFuture<Window<ProgressUpdate>> history(Activity activity, @Argument String period, ScrollSubrange subrange,
                                                      DataLoader<FirstHistoryPage, Window<ProgressUpdate>> firstPages) {
        if (!pages.position(subrange).isInitial()) {
            return CompletableFuture.completedFuture(history(activity, period, subrange));
        }
        return firstPages.load(new FirstHistoryPage(activity.getId(), activity.getPlanId(), period == null ? null : Dates.period("period", period),
                pages.size(subrange), Caller.current().organisation()));
    }

    /** Drafts are shown to signed-in users of the plan's owner only; for anyone else the plan is not even read. */
    private Window<ProgressUpdate> history(Activity activity, String period, ScrollSubrange subrange) {
        Caller caller = Caller.current();
        boolean withDrafts = caller.isSignedIn() && plans.find(activity.getPlanId()).map(plan -> plan.showsDraftsTo(caller)).orElse(false);
        return records.history(activity.getId(), period == null ? null : Dates.period("period", period), withDrafts,
                pages.position(subrange), pages.size(subrange));
    }

    /** The activities of a page of updates, in one query. */
    @BatchMapping(typeName = "ProgressUpdate")
    Map<ProgressUpdate, Activity> activity(List<ProgressUpdate> updates) {
        Map<String, Activity> byId = activities.findReadable(updates.stream().map(ProgressUpdate::getActivityId).collect(Collectors.toSet()))
                .stream().collect(Collectors.toMap(Activity::getId, Function.identity()));
        Map<ProgressUpdate, Activity> result = new LinkedHashMap<>();
        updates.stream().filter(update -> byId.containsKey(update.getActivityId()))
                .forEach(update -> result.put(update, byId.get(update.getActivityId())));
        return result;
    }

    /** What submitProgressUpdate and correctProgressUpdate return. */
    record ProgressUpdatePayload(ProgressUpdate update) {
    }
}
