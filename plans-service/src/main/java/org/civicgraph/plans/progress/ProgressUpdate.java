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
 * behind-plan status needs, and news of its milestones. What it says never changes once stored: a correction is a new
 * revision that names the one it corrects and why. The id says which: {@code <planId>/2020-21-Q4/<activity path>/v2}
 * ({@link #idOf}), so two corrections of the same revision cannot both be stored. On a plan that requires approval an update is stored as a
 * {@link UpdateState#DRAFT} and its one change is to be published; elsewhere it is published as it is stored.
 */
@Document("progressUpdates")
@CompoundIndexes({
        @CompoundIndex(name = "plan_period", def = "{'planId': 1, 'period': 1}"),
        @CompoundIndex(name = "activity_history", def = "{'activityId': 1, 'period': -1, 'revision': -1}")})
public class ProgressUpdate extends AggregateRoot {

    /** A first update, published at once (the plan does not require approval). */
    static final String REPORTED = "org.civicgraph.plans.activity.status-reported.v1";
    /** A correction, published at once. */
    static final String CORRECTED = "org.civicgraph.plans.activity.status-corrected.v1";
    /** A draft, first update or correction, submitted for approval; not public. */
    static final String SUBMITTED = "org.civicgraph.plans.activity.status-submitted.v1";
    /** A draft published by an admin of the plan's owner. */
    static final String PUBLISHED = "org.civicgraph.plans.activity.status-published.v1";

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
    private ImportSource importedFrom;
    private UpdateState state;
    private Instant publishedAt;
    private String publishedBy;

    ProgressUpdate() {
    }

    static ProgressUpdate first(Activity activity, ReportingPeriod period, CheckedReport report, String author, String authorOrganisation) {
        return first(activity, period, report, author, authorOrganisation, false, null);
    }

    /**
     * @param draft  whether it waits for approval (the plan requires it)
     * @param source the spreadsheet row the update was imported from; null for one submitted alone
     */
    static ProgressUpdate first(Activity activity, ReportingPeriod period, CheckedReport report, String author, String authorOrganisation,
                                boolean draft, ImportSource source) {
        ProgressUpdate update = build(activity, period, 1, report, author, authorOrganisation, draft, source);
        update.recordEvent(draft ? SUBMITTED : REPORTED, update.eventSubject(), draft ? update.draftEventData() : update.eventData());
        return update;
    }

    ProgressUpdate correctedBy(Activity activity, CheckedReport report, String reason, String author, String authorOrganisation) {
        return correctedBy(activity, report, reason, author, authorOrganisation, false, null);
    }

    /** @param draft whether the correction waits for approval; the revision it corrects stays as it is meanwhile */
    ProgressUpdate correctedBy(Activity activity, CheckedReport report, String reason, String author, String authorOrganisation,
                               boolean draft, ImportSource source) {
        ReportingPeriod reportingPeriod = ReportingPeriod.parse(period);
        ProgressUpdate correction = build(activity, reportingPeriod, revision + 1, report, author, authorOrganisation, draft, source);
        correction.supersedes = id;
        correction.correctionReason = reason;
        if (draft) {
            correction.recordEvent(SUBMITTED, correction.eventSubject(), correction.draftEventData());
        } else {
            Map<String, Object> data = correction.eventData();
            data.put("previousStatus", status);
            correction.recordEvent(CORRECTED, correction.eventSubject(), data);
        }
        return correction;
    }

    /**
     * Makes a draft public, as an admin of the plan's owner decided; it then counts in everyone's reports.
     *
     * @throws IllegalStateException when it is published already
     */
    void publish(String publisher) {
        if (getState() != UpdateState.DRAFT) {
            throw new IllegalStateException(id + " is published already");
        }
        state = UpdateState.PUBLISHED;
        publishedAt = Instant.now();
        publishedBy = publisher;
        recordEvent(PUBLISHED, eventSubject(), eventData());
    }

    /** {@code plans/<planId>/activities/<path>/periods/2020-21-Q4}: the activity's subject (its id is the plan's and its path) and the period. */
    private String eventSubject() {
        return "plans/" + planId + "/activities/" + activityId.substring(planId.length() + 1) + "/periods/" + ReportingPeriod.parse(period).slug();
    }

    /**
     * {@code <planId>/<period>/<activity path>/v<revision>}, such as {@code lincolnshire-cc-corporate-plan/2021-22-Q2/A9/v1}:
     * the period before the activity, so that a plan's updates for one period lie side by side in the {@code _id}
     * index and in a store's pages, and a report for the period reads those and not every period's. Updates stored
     * before this order ({@code <activity id>/<period>/v<revision>}) keep their ids and are still read.
     */
    static String idOf(Activity activity, ReportingPeriod period, int revision) {
        String path = activity.getId().substring(activity.getPlanId().length() + 1);
        return activity.getPlanId() + "/" + period.slug() + "/" + path + "/v" + revision;
    }

    private static ProgressUpdate build(Activity activity, ReportingPeriod period, int revision, CheckedReport report,
                                        String author, String authorOrganisation, boolean draft, ImportSource source) {
        ProgressUpdate update = new ProgressUpdate();
        update.id = idOf(activity, period, revision);
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
        update.importedFrom = source;
        update.state = draft ? UpdateState.DRAFT : UpdateState.PUBLISHED;
        update.publishedAt = draft ? null : update.reportedAt;
        return update;
    }

    /**
     * What a draft's event says: that there is one to approve, not what it says. The topic reaches consumers (the
     * gateway's change feed among them) beyond the plan's owner, to whom a draft is not shown; its content goes out
     * when it is published.
     */
    private Map<String, Object> draftEventData() {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("id", id);
        data.put("activityId", activityId);
        data.put("planId", planId);
        data.put("period", period);
        data.put("revision", revision);
        data.put("state", getState().name());
        data.put("author", author);
        data.put("authorOrganisation", authorOrganisation);
        data.put("reportedAt", reportedAt.toString());
        if (supersedes != null) {
            data.put("supersedes", supersedes);
        }
        if (importedFrom != null) {
            data.put("importedFrom", importSourceData());
        }
        return data;
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
        data.put("state", getState().name());
        if (publishedAt != null) {
            data.put("publishedAt", publishedAt.toString());
        }
        if (publishedBy != null) {
            data.put("publishedBy", publishedBy);
        }
        if (supersedes != null) {
            data.put("supersedes", supersedes);
            data.put("correctionReason", correctionReason);
        }
        if (importedFrom != null) {
            data.put("importedFrom", importSourceData());
        }
        return data;
    }

    private Map<String, Object> importSourceData() {
        Map<String, Object> source = new LinkedHashMap<>();
        source.put("importId", importedFrom.importId());
        source.put("fileName", importedFrom.fileName());
        source.put("row", importedFrom.row());
        return source;
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

    /** Published unless a draft; updates stored before drafts existed were all published. */
    public UpdateState getState() {
        return state == null ? UpdateState.PUBLISHED : state;
    }

    public boolean isDraft() {
        return getState() == UpdateState.DRAFT;
    }

    /** When it became public: when reported, or for a draft when an admin published it; null for a draft. */
    public Instant getPublishedAt() {
        return publishedAt != null || isDraft() ? publishedAt : reportedAt;
    }

    /** The admin who published a draft; null for an update published as it was reported. */
    public String getPublishedBy() {
        return publishedBy;
    }

    /** The spreadsheet row the update was imported from; null for one submitted alone. */
    public ImportSource getImportedFrom() {
        return importedFrom;
    }
}
