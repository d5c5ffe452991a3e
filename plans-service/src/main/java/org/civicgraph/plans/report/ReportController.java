package org.civicgraph.plans.report;

import org.civicgraph.plans.activity.Activity;
import org.civicgraph.plans.activity.ActivityCatalogue;
import org.civicgraph.plans.period.Dates;
import org.civicgraph.plans.period.ReportingPeriod;
import org.civicgraph.plans.plan.Plan;
import org.civicgraph.plans.plan.PlanCatalogue;
import org.civicgraph.plans.progress.ProgressRecords;
import org.civicgraph.plans.progress.ProgressUpdate;
import org.civicgraph.platform.graphql.PageRequests;
import org.civicgraph.platform.security.Caller;
import org.springframework.data.domain.Window;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.graphql.data.query.ScrollSubrange;
import org.springframework.stereotype.Controller;

import java.util.Map;

/**
 * Reports on a plan for a period; each is open to whoever may read the plan. Signed-in users of the plan's owner see
 * draft updates counted as current; everyone else sees published updates only.
 */
@Controller
class ReportController {

    private final PlanCatalogue plans;
    private final ActivityCatalogue activities;
    private final ProgressRecords records;
    private final RagRollUp rollUp;
    private final ExceptionReporting exceptions;
    private final PageRequests pages;

    ReportController(PlanCatalogue plans, ActivityCatalogue activities, ProgressRecords records, RagRollUp rollUp,
                     ExceptionReporting exceptions, PageRequests pages) {
        this.plans = plans;
        this.activities = activities;
        this.records = records;
        this.rollUp = rollUp;
        this.exceptions = exceptions;
        this.pages = pages;
    }

    /** A page of the plan's activities, each with its current status for the period: two queries a page. */
    @QueryMapping
    Window<ActivityStatus> activityStatuses(@Argument String planId, @Argument String period, ScrollSubrange subrange) {
        Plan plan = plans.require(planId, "planId");
        ReportingPeriod quarter = Dates.period("period", period);
        Window<Activity> page = activities.inPlan(plan.getId(), pages.position(subrange), pages.size(subrange));
        Map<String, ProgressUpdate> current = records.currentFor(page.stream().map(Activity::getId).toList(), quarter,
                plan.showsDraftsTo(Caller.current()));
        return page.map(activity -> {
            ProgressUpdate update = current.get(activity.getId());
            return new ActivityStatus(activity, update, update != null && plan.scale().isBehindPlan(update.getStatus()));
        });
    }

    @QueryMapping
    RagSummary ragSummary(@Argument String planId, @Argument String period) {
        return rollUp.summarise(plans.require(planId, "planId"), Dates.period("period", period));
    }

    @QueryMapping
    ExceptionReport exceptionReport(@Argument String planId, @Argument String period) {
        return exceptions.report(plans.require(planId, "planId"), Dates.period("period", period));
    }

    @SchemaMapping(typeName = "ExceptionReport")
    Window<ExceptionReport.Entry> behindPlan(ExceptionReport report, ScrollSubrange subrange) {
        return Pages.of(report.behindPlan(), pages.position(subrange), pages.size(subrange));
    }

    @SchemaMapping(typeName = "ExceptionReport")
    Window<ExceptionReport.OverdueMilestone> overdueMilestones(ExceptionReport report, ScrollSubrange subrange) {
        return Pages.of(report.overdueMilestones(), pages.position(subrange), pages.size(subrange));
    }

    @SchemaMapping(typeName = "ExceptionReport")
    Window<Activity> notReported(ExceptionReport report, ScrollSubrange subrange) {
        return Pages.of(report.notReported(), pages.position(subrange), pages.size(subrange));
    }

    @SchemaMapping(typeName = "ExceptionReport")
    Window<ExceptionReport.Entry> missingExplanations(ExceptionReport report, ScrollSubrange subrange) {
        return Pages.of(report.missingExplanations(), pages.position(subrange), pages.size(subrange));
    }
}
