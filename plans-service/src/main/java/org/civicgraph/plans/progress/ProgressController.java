package org.civicgraph.plans.progress;

import org.civicgraph.plans.activity.Activity;
import org.civicgraph.plans.activity.ActivityCatalogue;
import org.civicgraph.plans.period.Dates;
import org.civicgraph.platform.graphql.NotFoundException;
import org.civicgraph.platform.graphql.PageRequests;
import org.springframework.data.domain.Window;
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
class ProgressController {

    private final ProgressReporting reporting;
    private final ProgressRecords records;
    private final ActivityCatalogue activities;
    private final PageRequests pages;

    ProgressController(ProgressReporting reporting, ProgressRecords records, ActivityCatalogue activities, PageRequests pages) {
        this.reporting = reporting;
        this.records = records;
        this.activities = activities;
        this.pages = pages;
    }

    @MutationMapping
    ProgressUpdatePayload submitProgressUpdate(@Argument SubmitProgressInput input) {
        return new ProgressUpdatePayload(reporting.submit(input));
    }

    @MutationMapping
    ProgressUpdatePayload correctProgressUpdate(@Argument CorrectProgressInput input) {
        return new ProgressUpdatePayload(reporting.correct(input));
    }

    @QueryMapping
    Window<ProgressUpdate> activityHistory(@Argument String activityId, @Argument String period, ScrollSubrange subrange) {
        Activity activity = activities.find(activityId).orElseThrow(() -> new NotFoundException("activityId", "No activity has the id " + activityId));
        return history(activity, period, subrange);
    }

    @SchemaMapping(typeName = "Activity", field = "history")
    Window<ProgressUpdate> history(Activity activity, @Argument String period, ScrollSubrange subrange) {
        return records.history(activity.getId(), period == null ? null : Dates.period("period", period),
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
