package org.civicgraph.plans.progress;

import org.civicgraph.plans.PlansProperties;
import org.civicgraph.plans.activity.Activity;
import org.civicgraph.plans.activity.ActivityCatalogue;
import org.civicgraph.plans.due.DueOccasions;
import org.civicgraph.plans.period.ReportingPeriod;
import org.civicgraph.plans.plan.ClosedPeriod;
import org.civicgraph.plans.plan.Plan;
import org.civicgraph.plans.plan.PlanCatalogue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Service;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reporting periods closed with updates missing. Updates for a quarter are expected within
 * {@code civicgraph.plans.due-events.reporting-days} (30) days after it ends; the quarter closes the day after: 2020/21
 * Q4, which ends on 31 March 2021, closes on 1 May 2021. On that day each plan that reports on the quarter (its period
 * covers it, or is not a year range and so covers any quarter) and has activities without a published update for it
 * is announced once, as {@code plan.period-closed-with-missing-updates.v1}, through the plan's outbox and keyed by the
 * plan, naming those activities (a draft awaiting approval is not published, and is said to be waiting). A plan whose
 * activities all reported is not announced.
 */
@Service
class ClosedPeriods implements DueOccasions {

    static final String KIND = "PERIOD_CLOSED_WITH_MISSING_UPDATES";
    private static final Logger log = LoggerFactory.getLogger(ClosedPeriods.class);

    private final PlanCatalogue plans;
    private final ActivityCatalogue activities;
    private final ProgressRecords records;
    private final PlansProperties properties;

    ClosedPeriods(PlanCatalogue plans, ActivityCatalogue activities, ProgressRecords records, PlansProperties properties) {
        this.plans = plans;
        this.activities = activities;
        this.records = records;
        this.properties = properties;
    }

    @Override
    public String kind() {
        return KIND;
    }

    /** The day the quarter closes: the day after the last day updates for it are expected. */
    LocalDate closesOn(ReportingPeriod period) {
        return updatesDueBy(period).plusDays(1);
    }

    private LocalDate updatesDueBy(ReportingPeriod period) {
        return period.lastDay().plusDays(properties.dueEvents().reportingDays());
    }

    @Override
    public Outcome announce(LocalDate from, LocalDate through) {
        int announced = 0;
        boolean complete = true;
        int lag = properties.dueEvents().reportingDays() + 1;
        for (ReportingPeriod period = ReportingPeriod.containing(from.minusDays(lag));
             !period.firstDay().isAfter(through.minusDays(lag)); period = period.next()) {
            LocalDate closesOn = closesOn(period);
            if (closesOn.isBefore(from) || closesOn.isAfter(through)) {
                continue;
            }
            Outcome outcome = announce(period, through);
            announced += outcome.announced();
            complete &= outcome.complete();
        }
        return new Outcome(announced, complete);
    }

    private Outcome announce(ReportingPeriod period, LocalDate today) {
        int batchSize = properties.dueEvents().batchSize();
        int announced = 0;
        boolean complete = true;
        String after = null;
        while (true) {
            List<Plan> batch = plans.pageInIdOrder(after, batchSize);
            for (Plan plan : batch) {
                boolean reportsOnPeriod = plan.reportingWindow().map(window -> window.contains(period)).orElse(true);
                if (!reportsOnPeriod || plan.hasAnnouncedClosed(period)) {
                    continue;
                }
                try {
                    ClosedPeriod closed = closed(plan, period, today);
                    if (!closed.missing().isEmpty() && plans.announcePeriodClosed(plan.getId(), closed)) {
                        announced++;
                    }
                } catch (OptimisticLockingFailureException e) {
                    complete = false;
                    log.warn("Could not announce that {} closed for plan {} for now (changed by others meanwhile); the next look retries",
                            period, plan.getId());
                }
            }
            if (batch.size() < batchSize) {
                return new Outcome(announced, complete);
            }
            after = batch.get(batch.size() - 1).getId();
        }
    }

    /** The plan's activities without a published update for the period: two queries, whatever the plan's size. */
    private ClosedPeriod closed(Plan plan, ReportingPeriod period, LocalDate today) {
        List<Activity> all = activities.referencesInPlan(plan.getId());
        Map<String, ProgressUpdate> current = records.currentStatusesInPlan(plan.getId(), period, true);
        List<ClosedPeriod.MissingUpdate> missing = new ArrayList<>();
        for (Activity activity : all) {
            ProgressUpdate update = current.get(activity.getId());
            boolean published = update != null && !update.isDraft();
            if (!published) {
                // The latest revision is a draft: published only if an earlier revision was, which a correction awaiting approval shows.
                missing.add(new ClosedPeriod.MissingUpdate(activity.getId(), activity.getReference(), activity.getLeadOrganisation(),
                        update != null));
            }
        }
        if (!missing.isEmpty() && missing.stream().anyMatch(ClosedPeriod.MissingUpdate::awaitingApproval)) {
            Map<String, ProgressUpdate> published = records.currentStatusesInPlan(plan.getId(), period, false);
            missing.removeIf(entry -> published.containsKey(entry.activityId()));
        }
        return new ClosedPeriod(period, updatesDueBy(period), closesOn(period), today, all.size(), missing,
                properties.dueEvents().maxListedActivities());
    }
}
