package org.civicgraph.plans.activity;

import org.civicgraph.plans.plan.OrganisationIds;
import org.civicgraph.plans.plan.Plan;
import org.civicgraph.plans.plan.ReferenceScope;
import org.civicgraph.platform.events.AggregateRoot;
import org.civicgraph.platform.events.FieldChanges;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.CompoundIndexes;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Something a plan commits to doing, under one of its objectives, with its milestones. An aggregate of its own rather
 * than part of the plan, since a plan may have thousands. Its id is the plan's id and the reference as the plan writes
 * it, qualified where the reference alone is not unique: {@code lincolnshire-cc-corporate-plan/A9},
 * {@code lincolnshire-cc-corporate-plan/2020-21/A5} (a reference from an earlier year's numbering),
 * {@code lincolnshire-districts-health-wellbeing-strategy/housing-and-homelessness/1.1} (numbered within its theme).
 */
@Document("activities")
@CompoundIndexes({
        @CompoundIndex(name = "plan_order", def = "{'planId': 1, 'sortKey': 1, '_id': 1}"),
        @CompoundIndex(name = "objective_order", def = "{'planId': 1, 'objectiveKey': 1, 'sortKey': 1, '_id': 1}"),
        @CompoundIndex(name = "milestone_due", def = "{'milestones.dueDate': 1}"),
        @CompoundIndex(name = "milestone_revised_due", def = "{'milestones.revisedDueDate': 1}")})
public class Activity extends AggregateRoot {

    static final String CREATED = "org.civicgraph.plans.activity.created.v1";
    static final String CHANGED = "org.civicgraph.plans.activity.changed.v1";
    static final String MILESTONE_ADDED = "org.civicgraph.plans.milestone.added.v1";
    static final String MILESTONE_CHANGED = "org.civicgraph.plans.milestone.changed.v1";
    static final String MILESTONE_BECAME_OVERDUE = "org.civicgraph.plans.milestone.became-overdue.v1";
    private static final Pattern NUMBERS_OR_TEXT = Pattern.compile("\\d+|\\D+");

    private String planId;
    private String reference;
    private String referenceYear;
    private List<FormerReference> formerReferences;
    private String themeKey;
    private String objectiveKey;
    private String description;
    @Indexed
    private String leadOrganisation;
    @Indexed
    private List<String> partnerOrganisations;
    @Indexed
    private List<String> areas;
    private List<String> outputs;
    private List<String> successMeasureIndicators;
    private List<Milestone> milestones;
    private String note;
    /** The reference with its numbers zero-padded, so that A9 sorts before A10 and 1.2 before 1.10. */
    private String sortKey;
    private String path;
    private Instant createdAt;
    /** The overdue milestones announced, each as {@code <milestone id>:<the date it fell due>}. */
    private List<String> announcedOverdue;

    Activity() {
    }

    static Activity create(ActivityDraft draft, Plan plan, String createdBy) {
        Activity activity = new Activity();
        activity.path = path(plan.getReferenceScope(), draft.themeKey(), draft.referenceYear(), draft.reference());
        activity.id = plan.getId() + "/" + activity.path;
        activity.planId = plan.getId();
        activity.reference = draft.reference();
        activity.referenceYear = draft.referenceYear();
        activity.formerReferences = List.copyOf(draft.formerReferences());
        activity.themeKey = draft.themeKey();
        activity.objectiveKey = draft.objectiveKey();
        activity.description = draft.description();
        activity.leadOrganisation = draft.leadOrganisation();
        activity.partnerOrganisations = List.copyOf(draft.partnerOrganisations());
        activity.areas = List.copyOf(draft.areas());
        activity.outputs = List.copyOf(draft.outputs());
        activity.successMeasureIndicators = List.copyOf(draft.successMeasureIndicators());
        activity.milestones = List.copyOf(draft.milestones());
        activity.note = draft.note();
        activity.sortKey = (plan.getReferenceScope() == ReferenceScope.THEME ? draft.themeKey() + " " : "") + naturalOrder(draft.reference());
        activity.createdAt = Instant.now();
        Map<String, Object> data = activity.identity();
        data.put("referenceYear", activity.referenceYear);
        data.put("formerReferences", activity.formerReferences);
        data.put("description", activity.description);
        data.put("leadOrganisation", activity.leadOrganisation);
        data.put("partnerOrganisations", activity.partnerOrganisations);
        data.put("areas", activity.areas);
        data.put("outputs", activity.outputs);
        data.put("successMeasureIndicators", activity.successMeasureIndicators);
        data.put("milestones", activity.milestones.stream().map(Activity::eventData).toList());
        data.put("createdBy", createdBy);
        activity.recordEvent(CREATED, activity.subject(), data);
        return activity;
    }

    /** Path of the activity within its plan: the reference, after its theme and numbering year where those are needed. */
    static String path(ReferenceScope scope, String themeKey, String referenceYear, String reference) {
        return Stream.of(scope == ReferenceScope.THEME ? themeKey : null,
                        referenceYear == null ? null : referenceYear.replace('/', '-'), reference)
                .filter(Objects::nonNull).reduce((a, b) -> a + "/" + b).orElseThrow();
    }

    static String naturalOrder(String reference) {
        StringBuilder key = new StringBuilder();
        Matcher numbers = NUMBERS_OR_TEXT.matcher(reference.toLowerCase(Locale.ROOT));
        while (numbers.find()) {
            String part = numbers.group();
            key.append(Character.isDigit(part.charAt(0)) ? "0".repeat(Math.max(0, 6 - part.length())) + part : part);
        }
        return key.toString();
    }

    /** Applies the changes that differ from the current values and records them, old and new; returns whether anything changed. */
    boolean change(ActivityChanges changes, String changedBy) {
        FieldChanges changed = new FieldChanges();
        objectiveKey = changed.setIfGiven("objective", objectiveKey, changes.objectiveKey());
        themeKey = changed.setIfGiven("theme", themeKey, changes.themeKey());
        description = changed.setIfGiven("description", description, changes.description());
        leadOrganisation = changed.setIfGiven("leadOrganisation", leadOrganisation, changes.leadOrganisation());
        partnerOrganisations = changed.setIfGiven("partnerOrganisations", partnerOrganisations, changes.partnerOrganisations());
        areas = changed.setIfGiven("areas", areas, changes.areas());
        outputs = changed.setIfGiven("outputs", outputs, changes.outputs());
        successMeasureIndicators = changed.setIfGiven("successMeasureIndicators", successMeasureIndicators, changes.successMeasureIndicators());
        note = changed.setIfGiven("note", note, changes.note());
        if (changed.isEmpty()) {
            return false;
        }
        Map<String, Object> data = changed.eventData("activityId", id, changedBy);
        data.put("planId", planId);
        data.put("reference", reference);
        recordEvent(CHANGED, subject(), data);
        return true;
    }

    /**
     * Follows a merge in the partner directory: where the activity names the merged organisation, as lead or partner, it
     * names the survivor instead (once, when the survivor was named already). Recorded as a change like any other, old
     * and new, with what prompted it; returns whether anything changed, so that following the same merge again does not.
     *
     * @param because the partner-directory event that prompted it
     */
    boolean followMerge(String mergedId, String survivorId, String changedBy, Map<String, Object> because) {
        FieldChanges changed = new FieldChanges();
        leadOrganisation = changed.set("leadOrganisation", leadOrganisation,
                mergedId.equals(leadOrganisation) ? survivorId : leadOrganisation);
        partnerOrganisations = changed.set("partnerOrganisations", partnerOrganisations,
                OrganisationIds.replacing(partnerOrganisations, mergedId, survivorId));
        if (changed.isEmpty()) {
            return false;
        }
        Map<String, Object> data = changed.eventData("activityId", id, changedBy);
        data.put("planId", planId);
        data.put("reference", reference);
        data.put("because", because);
        recordEvent(CHANGED, subject(), data);
        return true;
    }

    Milestone addMilestone(String text, LocalDate dueDate, String addedBy) {
        Milestone milestone = new Milestone("m" + (milestones.size() + 1), text, dueDate, MilestoneStatus.SCHEDULED, null);
        List<Milestone> all = new ArrayList<>(milestones);
        all.add(milestone);
        milestones = List.copyOf(all);
        Map<String, Object> data = identity();
        data.put("milestone", eventData(milestone));
        data.put("addedBy", addedBy);
        recordEvent(MILESTONE_ADDED, subject() + "/milestones/" + milestone.id(), data);
        return milestone;
    }

    /**
     * Changes one milestone's text, dates or status, recording old and new values; returns whether anything changed.
     *
     * @param because what prompted the change, such as the id of the progress update that revised the date; may be null
     */
    boolean changeMilestone(String milestoneId, MilestoneChanges changes, String changedBy, String because) {
        Milestone current = milestone(milestoneId).orElseThrow();
        FieldChanges changed = new FieldChanges();
        Milestone next = new Milestone(current.id(),
                changed.setIfGiven("text", current.text(), changes.text()),
                changed.setIfGiven("dueDate", current.dueDate(), changes.dueDate()),
                changed.setIfGiven("status", current.status(), changes.status()),
                changed.setIfGiven("revisedDueDate", current.revisedDueDate(), changes.revisedDueDate()));
        if (changed.isEmpty()) {
            return false;
        }
        milestones = milestones.stream().map(m -> m.id().equals(milestoneId) ? next : m).toList();
        Map<String, Object> data = changed.eventData("activityId", id, changedBy);
        data.put("planId", planId);
        data.put("reference", reference);
        data.put("milestoneId", milestoneId);
        if (because != null) {
            data.put("because", because);
        }
        recordEvent(MILESTONE_CHANGED, subject() + "/milestones/" + milestoneId, data);
        return true;
    }

    /**
     * Its outstanding milestones (not met nor withdrawn) that became overdue from {@code from} to {@code through}, both
     * included, and were not announced as overdue yet: a milestone becomes overdue the day after its date, the revised
     * one if it has one.
     */
    List<Milestone> becameOverdueBetween(LocalDate from, LocalDate through) {
        return milestones.stream()
                .filter(m -> m.status().isOutstanding() && m.effectiveDueDate() != null)
                .filter(m -> {
                    LocalDate overdueFrom = m.effectiveDueDate().plusDays(1);
                    return !overdueFrom.isBefore(from) && !overdueFrom.isAfter(through);
                })
                .filter(m -> !getAnnouncedOverdue().contains(overdueKey(m)))
                .toList();
    }

    /**
     * Announces that the milestone became overdue, once for the date it fell due (a milestone revised to a later date
     * that passes too is announced again, for that date): the event and the note that it was announced are saved
     * together, in the same write, so two looks can never both announce it. Not a change to the activity.
     *
     * @param today the day it is announced, later than the day it became overdue when announced after downtime
     * @return false when it was announced already, or is not outstanding
     */
    boolean announceOverdue(String milestoneId, LocalDate today) {
        Milestone milestone = milestone(milestoneId).orElse(null);
        if (milestone == null || !milestone.status().isOutstanding() || milestone.effectiveDueDate() == null
                || getAnnouncedOverdue().contains(overdueKey(milestone))) {
            return false;
        }
        List<String> announced = new ArrayList<>(getAnnouncedOverdue());
        announced.add(overdueKey(milestone));
        announcedOverdue = List.copyOf(announced);
        Map<String, Object> data = identity();
        data.put("milestoneId", milestone.id());
        data.put("text", milestone.text());
        data.put("status", milestone.status().name());
        data.put("dueDate", milestone.dueDate() == null ? null : milestone.dueDate().toString());
        data.put("revisedDueDate", milestone.revisedDueDate() == null ? null : milestone.revisedDueDate().toString());
        data.put("fellDueOn", milestone.effectiveDueDate().toString());
        data.put("becameOverdueOn", milestone.effectiveDueDate().plusDays(1).toString());
        data.put("announcedOn", today.toString());
        data.put("leadOrganisation", leadOrganisation);
        data.put("partnerOrganisations", partnerOrganisations);
        recordEvent(MILESTONE_BECAME_OVERDUE, subject() + "/milestones/" + milestone.id(), data);
        return true;
    }

    private static String overdueKey(Milestone milestone) {
        return milestone.id() + ":" + milestone.effectiveDueDate();
    }

    /** The overdue milestones announced, each as {@code <milestone id>:<the date it fell due>}. */
    public List<String> getAnnouncedOverdue() {
        return announcedOverdue == null ? List.of() : announcedOverdue;
    }

    /** {@code plans/<planId>/activities/<path>}: the CloudEvents subject of this activity's events and of its progress updates. */
    public String subject() {
        return "plans/" + planId + "/activities/" + path;
    }

    /** Whether the organisation is named on the activity, as its lead or a partner. */
    public boolean names(String organisation) {
        return organisation != null && (organisation.equals(leadOrganisation) || partnerOrganisations.contains(organisation));
    }

    public Optional<Milestone> milestone(String milestoneId) {
        return milestones.stream().filter(m -> m.id().equals(milestoneId)).findFirst();
    }

    private Map<String, Object> identity() {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("activityId", id);
        data.put("planId", planId);
        data.put("reference", reference);
        data.put("theme", themeKey);
        data.put("objective", objectiveKey);
        return data;
    }

    private static Map<String, Object> eventData(Milestone milestone) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("id", milestone.id());
        data.put("text", milestone.text());
        data.put("dueDate", milestone.dueDate() == null ? null : milestone.dueDate().toString());
        data.put("status", milestone.status().name());
        data.put("revisedDueDate", milestone.revisedDueDate() == null ? null : milestone.revisedDueDate().toString());
        return data;
    }

    public String getPlanId() {
        return planId;
    }

    public String getReference() {
        return reference;
    }

    public String getReferenceYear() {
        return referenceYear;
    }

    public List<FormerReference> getFormerReferences() {
        return formerReferences == null ? List.of() : formerReferences;
    }

    public String getThemeKey() {
        return themeKey;
    }

    public String getObjectiveKey() {
        return objectiveKey;
    }

    public String getDescription() {
        return description;
    }

    public String getLeadOrganisation() {
        return leadOrganisation;
    }

    public List<String> getPartnerOrganisations() {
        return partnerOrganisations;
    }

    public List<String> getAreas() {
        return areas;
    }

    public List<String> getOutputs() {
        return outputs;
    }

    public List<String> getSuccessMeasureIndicators() {
        return successMeasureIndicators;
    }

    public List<Milestone> getMilestones() {
        return milestones;
    }

    public String getNote() {
        return note;
    }

    public String getSortKey() {
        return sortKey;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }
}
