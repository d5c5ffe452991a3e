package org.civicgraph.plans.progress;

import org.civicgraph.plans.activity.Activity;
import org.civicgraph.plans.activity.MilestoneProgress;
import org.civicgraph.plans.period.ReportingPeriod;
import org.civicgraph.platform.events.AggregateRoot;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.CompoundIndexes;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What was reported about one activity for one quarter: its status on the plan's scale, commentary, the explanation a
 * behind-plan status needs, and news of its milestones. Never changed once stored (the outbox relay only removes
 * its published event): a correction is a new revision that names the one it corrects and why. The id says which:
 * {@code <activity id>/2020-21-Q4/v2}, so two corrections of the same revision cannot both be stored.
 */
@Document("progressUpdates")
@CompoundIndexes({
        @CompoundIndex(name = "plan_period", def = "{'planId': 1, 'period': 1}"),
        @CompoundIndex(name = "activity_history", def = "{'activityId': 1, 'period': -1, 'revision': -1}")})
public class ProgressUpdate extends AggregateRoot {

    static final String SUBMITTED = "org.civicgraph.plans.activity.status-reported.v1";
    static final String CORRECTED = "org.civicgraph.plans.activity.status-corrected.v1";

    private String planId;
    private String activityId;
    /** {@code 2020/21 Q4}, which sorts in time order. */
    private String period;
    private int revision;
    private String status;
    private boolean behindPlan;
    private String commentary;
    private String explanation;
    private List<MilestoneProgress> milestones;
    private String author;
    private String authorOrganisation;
    private Instant reportedAt;
    private String supersedes;
    private String correctionReason;

    ProgressUpdate() {
    }

    static ProgressUpdate first(Activity activity, ReportingPeriod period, CheckedReport report, String author, String authorOrganisation) {
        ProgressUpdate update = build(activity, period, 1, report, author, authorOrganisation);
        update.recordEvent(SUBMITTED, activity.subject() + "/periods/" + period.slug(), update.eventData());
        return update;
    }

    ProgressUpdate correctedBy(Activity activity, CheckedReport report, String reason, String author, String authorOrganisation) {
        ReportingPeriod reportingPeriod = ReportingPeriod.parse(period);
        ProgressUpdate correction = build(activity, reportingPeriod, revision + 1, report, author, authorOrganisation);
        correction.supersedes = id;
        correction.correctionReason = reason;
        Map<String, Object> data = correction.eventData();
        data.put("supersedes", id);
        data.put("previousStatus", status);
        data.put("correctionReason", reason);
        correction.recordEvent(CORRECTED, activity.subject() + "/periods/" + reportingPeriod.slug(), data);
        return correction;
    }

    static String idOf(String activityId, ReportingPeriod period, int revision) {
        return activityId + "/" + period.slug() + "/v" + revision;
    }

    private static ProgressUpdate build(Activity activity, ReportingPeriod period, int revision, CheckedReport report,
                                        String author, String authorOrganisation) {
        ProgressUpdate update = new ProgressUpdate();
        update.id = idOf(activity.getId(), period, revision);
        update.planId = activity.getPlanId();
        update.activityId = activity.getId();
        update.period = period.toString();
        update.revision = revision;
        update.status = report.status().label();
        update.behindPlan = report.status().behindPlan();
        update.commentary = report.commentary();
        update.explanation = report.explanation();
        update.milestones = List.copyOf(report.milestones());
        update.author = author;
        update.authorOrganisation = authorOrganisation;
        update.reportedAt = Instant.now();
        return update;
    }

    private Map<String, Object> eventData() {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("id", id);
        data.put("activityId", activityId);
        data.put("planId", planId);
        data.put("period", period);
        data.put("revision", revision);
        data.put("status", status);
        data.put("behindPlan", behindPlan);
        data.put("commentary", commentary);
        data.put("explanation", explanation);
        data.put("milestones", milestones.stream().map(m -> {
            Map<String, Object> milestone = new LinkedHashMap<>();
            milestone.put("milestoneId", m.milestoneId());
            milestone.put("status", m.status() == null ? null : m.status().name());
            milestone.put("revisedDueDate", m.revisedDueDate() == null ? null : m.revisedDueDate().toString());
            return milestone;
        }).toList());
        data.put("author", author);
        data.put("authorOrganisation", authorOrganisation);
        data.put("reportedAt", reportedAt.toString());
        return data;
    }

    /** An activity's reports and corrections share its key, so consumers see them in the order they were made. */
    @Override
    protected String eventKey() {
        return activityId;
    }

    public String getPlanId() {
        return planId;
    }

    public String getActivityId() {
        return activityId;
    }

    public String getPeriod() {
        return period;
    }

    public int getRevision() {
        return revision;
    }

    public String getStatus() {
        return status;
    }

    /** Whether the status was a behind-plan one on the plan's scale when reported. */
    public boolean isBehindPlan() {
        return behindPlan;
    }

    public String getCommentary() {
        return commentary;
    }

    public String getExplanation() {
        return explanation;
    }

    public boolean hasExplanation() {
        return explanation != null && !explanation.isBlank();
    }

    public List<MilestoneProgress> getMilestones() {
        return milestones;
    }

    public String getAuthor() {
        return author;
    }

    public String getAuthorOrganisation() {
        return authorOrganisation;
    }

    public Instant getReportedAt() {
        return reportedAt;
    }

    public String getSupersedes() {
        return supersedes;
    }

    public String getCorrectionReason() {
        return correctionReason;
    }
}
