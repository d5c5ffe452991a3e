package org.civicgraph.plans.plan;

import org.civicgraph.plans.period.ReportingPeriod;
import org.civicgraph.plans.period.ReportingWindow;
import org.civicgraph.platform.events.AggregateRoot;
import org.civicgraph.platform.events.FieldChanges;
import org.civicgraph.platform.security.Caller;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A plan an organisation has adopted, identified by a slug such as {@code lincolnshire-cc-corporate-plan}:
 * themes, each with objectives, under the names the plan itself uses for them, and the RAG scale its progress is
 * reported on. Its activities are aggregates of their own ({@code activities}): a plan may have thousands.
 */
@Document("plans")
public class Plan extends AggregateRoot {

    static final String CREATED = "org.civicgraph.plans.plan.created.v1";
    static final String UPDATED = "org.civicgraph.plans.plan.updated.v1";
    static final String THEME_ADDED = "org.civicgraph.plans.theme.added.v1";
    static final String THEME_CHANGED = "org.civicgraph.plans.theme.changed.v1";
    static final String THEME_REMOVED = "org.civicgraph.plans.theme.removed.v1";
    static final String OBJECTIVE_ADDED = "org.civicgraph.plans.objective.added.v1";
    static final String OBJECTIVE_CHANGED = "org.civicgraph.plans.objective.changed.v1";
    static final String OBJECTIVE_REMOVED = "org.civicgraph.plans.objective.removed.v1";
    static final String PERIOD_CLOSED_WITH_MISSING_UPDATES = "org.civicgraph.plans.plan.period-closed-with-missing-updates.v1";

    @Indexed
    private String ownerOrganisation;
    private String title;
    private PlanKind kind;
    private String period;
    private String periodNote;
    private String themeLabel;
    private String objectiveLabel;
    @Indexed
    private List<String> areas;
    private Visibility visibility;
    private List<Theme> themes;
    private List<RagStatus> ragScale;
    private boolean partnersMayReport;
    private ReferenceScope referenceScope;
    private boolean requiresApproval;
    /** The reporting periods announced as closed with updates missing, such as {@code 2020/21 Q4}. */
    private List<String> announcedClosedPeriods;

    Plan() {
    }

    static Plan create(CreatePlanInput draft, String createdBy) {
        Plan plan = new Plan();
        plan.id = draft.id();
        plan.ownerOrganisation = draft.ownerOrganisation();
        plan.title = draft.title();
        plan.kind = draft.kind();
        plan.period = draft.period();
        plan.periodNote = draft.periodNote();
        plan.themeLabel = draft.themeLabel();
        plan.objectiveLabel = draft.objectiveLabel();
        plan.areas = List.copyOf(draft.areas());
        plan.visibility = draft.visibility();
        plan.themes = List.copyOf(draft.themes());
        plan.ragScale = List.copyOf(draft.ragScale());
        plan.partnersMayReport = draft.partnersMayReport();
        plan.referenceScope = draft.referenceScope();
        plan.requiresApproval = draft.requiresApproval();
        Map<String, Object> data = new LinkedHashMap<>(Map.of("id", plan.id, "ownerOrganisation", plan.ownerOrganisation,
                "title", plan.title, "kind", plan.kind.name(), "period", plan.period, "areas", plan.areas,
                "visibility", plan.visibility.name(), "createdBy", createdBy));
        data.put("ragScale", plan.scale().describe());
        data.put("partnersMayReport", plan.partnersMayReport);
        data.put("requiresApproval", plan.requiresApproval);
        data.put("themes", plan.themes.stream().map(Theme::key).toList());
        plan.recordEvent(CREATED, subject(plan.id), data);
        return plan;
    }

    /** Applies the changes that differ from the current values and records them, old and new; returns whether anything changed. */
    boolean update(UpdatePlanInput input, String changedBy) {
        FieldChanges changes = new FieldChanges();
        title = changes.setIfGiven("title", title, input.title());
        period = changes.setIfGiven("period", period, input.period());
        visibility = changes.setIfGiven("visibility", visibility, input.visibility());
        partnersMayReport = changes.setIfGiven("partnersMayReport", partnersMayReport, input.partnersMayReport());
        requiresApproval = changes.setIfGiven("requiresApproval", requiresApproval, input.requiresApproval());
        if (input.ragScale() != null && !new RagScale(input.ragScale()).equals(scale())) {
            changes.set("ragScale", scale().describe(), new RagScale(input.ragScale()).describe());
            ragScale = List.copyOf(input.ragScale());
        }
        if (changes.isEmpty()) {
            return false;
        }
        recordEvent(UPDATED, subject(id), changes.eventData("id", id, changedBy));
        return true;
    }

    /**
     * Follows a merge in the partner directory: the themes that name the merged organisation as a partner name the
     * survivor instead, recorded old and new with what prompted it. The owner is never changed here: who may change a
     * plan moves only by a deliberate act of its organisation. Returns whether anything changed.
     *
     * @param because the partner-directory event that prompted it
     */
    boolean followMerge(String mergedId, String survivorId, String changedBy, Map<String, Object> because) {
        FieldChanges changes = new FieldChanges();
        List<Theme> followed = themes.stream().map(theme -> {
            List<String> partners = changes.set("themes." + theme.key() + ".partnerOrganisations", theme.partnerOrganisations(),
                    OrganisationIds.replacing(theme.partnerOrganisations(), mergedId, survivorId));
            return new Theme(theme.key(), theme.title(), theme.description(), partners, theme.objectives());
        }).toList();
        if (changes.isEmpty()) {
            return false;
        }
        themes = followed;
        Map<String, Object> data = changes.eventData("id", id, changedBy);
        data.put("because", because);
        recordEvent(UPDATED, subject(id), data);
        return true;
    }

    /** Adds a theme after the last one, with its objectives; the caller has checked it ({@link PlanInputRules#checkNewTheme}). */
    void addTheme(Theme theme, String addedBy) {
        List<Theme> all = new ArrayList<>(themes);
        all.add(theme);
        themes = List.copyOf(all);
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("planId", id);
        data.put("theme", eventData(theme));
        data.put("addedBy", addedBy);
        recordEvent(THEME_ADDED, themeSubject(theme.key()), data);
    }

    /**
     * Changes the theme's title, description or partners, where given and different, recording old and new values; its
     * key and objectives stay as they are. A blank description removes it. Returns whether anything changed.
     */
    boolean changeTheme(String key, String title, String description, List<String> partnerOrganisations, String changedBy) {
        Theme current = theme(key).orElseThrow();
        FieldChanges changes = new FieldChanges();
        Theme changed = new Theme(key, changes.setIfGiven("title", current.title(), title),
                description == null ? current.description()
                        : changes.set("description", current.description(), description.isBlank() ? null : description),
                changes.setIfGiven("partnerOrganisations", current.partnerOrganisations(), partnerOrganisations),
                current.objectives());
        if (changes.isEmpty()) {
            return false;
        }
        themes = themes.stream().map(theme -> theme.key().equals(key) ? changed : theme).toList();
        Map<String, Object> data = changes.eventData("planId", id, changedBy);
        data.put("themeKey", key);
        recordEvent(THEME_CHANGED, themeSubject(key), data);
        return true;
    }

    /** Removes the theme and its objectives; the caller has checked that no activity sits under them. */
    void removeTheme(String key, String removedBy) {
        Theme removed = theme(key).orElseThrow();
        themes = themes.stream().filter(theme -> !theme.key().equals(key)).toList();
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("planId", id);
        data.put("theme", eventData(removed));
        data.put("removedBy", removedBy);
        recordEvent(THEME_REMOVED, themeSubject(key), data);
    }

    /** Adds an objective after the theme's last one; the caller has checked it ({@link PlanInputRules#checkNewObjective}). */
    void addObjective(String themeKey, Objective objective, String addedBy) {
        themes = themes.stream().map(theme -> {
            if (!theme.key().equals(themeKey)) {
                return theme;
            }
            List<Objective> objectives = new ArrayList<>(theme.objectives());
            objectives.add(objective);
            return new Theme(theme.key(), theme.title(), theme.description(), theme.partnerOrganisations(), objectives);
        }).toList();
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("planId", id);
        data.put("themeKey", themeKey);
        data.put("objective", eventData(objective));
        data.put("addedBy", addedBy);
        recordEvent(OBJECTIVE_ADDED, objectiveSubject(themeKey, objective.key()), data);
    }

    /** Changes the objective's title or success measures, where given and different, recording old and new values. */
    boolean changeObjective(String key, String title, List<String> successMeasures, String changedBy) {
        Theme theme = themeOfObjective(key).orElseThrow();
        Objective current = objective(key).orElseThrow();
        FieldChanges changes = new FieldChanges();
        Objective changed = new Objective(key, changes.setIfGiven("title", current.title(), title),
                changes.setIfGiven("successMeasures", current.successMeasures(), successMeasures));
        if (changes.isEmpty()) {
            return false;
        }
        themes = themes.stream().map(t -> t.key().equals(theme.key())
                ? new Theme(t.key(), t.title(), t.description(), t.partnerOrganisations(),
                t.objectives().stream().map(o -> o.key().equals(key) ? changed : o).toList())
                : t).toList();
        Map<String, Object> data = changes.eventData("planId", id, changedBy);
        data.put("themeKey", theme.key());
        data.put("objectiveKey", key);
        recordEvent(OBJECTIVE_CHANGED, objectiveSubject(theme.key(), key), data);
        return true;
    }

    /** Removes the objective; the caller has checked that no activity sits under it. */
    void removeObjective(String key, String removedBy) {
        Theme theme = themeOfObjective(key).orElseThrow();
        Objective removed = objective(key).orElseThrow();
        themes = themes.stream().map(t -> t.key().equals(theme.key())
                ? new Theme(t.key(), t.title(), t.description(), t.partnerOrganisations(),
                t.objectives().stream().filter(o -> !o.key().equals(key)).toList())
                : t).toList();
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("planId", id);
        data.put("themeKey", theme.key());
        data.put("objective", eventData(removed));
        data.put("removedBy", removedBy);
        recordEvent(OBJECTIVE_REMOVED, objectiveSubject(theme.key(), key), data);
    }

    /** Every theme and objective key of the plan: one namespace, so a key names one thing. */
    Set<String> keys() {
        Set<String> keys = new HashSet<>();
        themes.forEach(theme -> {
            keys.add(theme.key());
            theme.objectives().forEach(objective -> keys.add(objective.key()));
        });
        return keys;
    }

    private String themeSubject(String themeKey) {
        return subject(id) + "/themes/" + themeKey;
    }

    private String objectiveSubject(String themeKey, String objectiveKey) {
        return themeSubject(themeKey) + "/objectives/" + objectiveKey;
    }

    private static Map<String, Object> eventData(Theme theme) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("key", theme.key());
        data.put("title", theme.title());
        data.put("description", theme.description());
        data.put("partnerOrganisations", theme.partnerOrganisations());
        data.put("objectives", theme.objectives().stream().map(Plan::eventData).toList());
        return data;
    }

    private static Map<String, Object> eventData(Objective objective) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("key", objective.key());
        data.put("title", objective.title());
        data.put("successMeasures", objective.successMeasures());
        return data;
    }

    /** Whether the reporting period was announced as closed with updates missing. */
    public boolean hasAnnouncedClosed(ReportingPeriod period) {
        return announcedClosedPeriods != null && announcedClosedPeriods.contains(period.toString());
    }

    /**
     * Announces once that the period closed with updates missing: the event and the note that it was announced are
     * saved together, in the same write, so two looks can never both announce it. Not a change to the plan.
     *
     * @return false when it was announced already
     */
    boolean announcePeriodClosed(ClosedPeriod closed) {
        if (hasAnnouncedClosed(closed.period())) {
            return false;
        }
        List<String> announced = new ArrayList<>(announcedClosedPeriods == null ? List.of() : announcedClosedPeriods);
        announced.add(closed.period().toString());
        announcedClosedPeriods = List.copyOf(announced);
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("planId", id);
        data.put("ownerOrganisation", ownerOrganisation);
        data.put("title", title);
        data.put("period", closed.period().toString());
        data.put("periodStart", closed.period().firstDay().toString());
        data.put("periodEnd", closed.period().lastDay().toString());
        data.put("updatesDueBy", closed.updatesDueBy().toString());
        data.put("closedOn", closed.closedOn().toString());
        data.put("announcedOn", closed.announcedOn().toString());
        data.put("activities", closed.activities());
        data.put("missingCount", closed.missing().size());
        data.put("missingUpdates", closed.missing().stream().limit(closed.maxListed()).map(ClosedPeriod.MissingUpdate::eventData).toList());
        data.put("allListed", closed.missing().size() <= closed.maxListed());
        recordEvent(PERIOD_CLOSED_WITH_MISSING_UPDATES, subject(id) + "/periods/" + closed.period().slug(), data);
        return true;
    }

    private static String subject(String id) {
        return "plans/" + id;
    }

    public String getOwnerOrganisation() {
        return ownerOrganisation;
    }

    public String getTitle() {
        return title;
    }

    public PlanKind getKind() {
        return kind;
    }

    public String getPeriod() {
        return period;
    }

    public String getPeriodNote() {
        return periodNote;
    }

    public String getThemeLabel() {
        return themeLabel;
    }

    public String getObjectiveLabel() {
        return objectiveLabel;
    }

    public List<String> getAreas() {
        return areas;
    }

    public Visibility getVisibility() {
        return visibility;
    }

    public List<Theme> getThemes() {
        return themes;
    }

    /** The plan's statuses in order; the default scale for a plan stored before plans had their own. */
    public List<RagStatus> getRagScale() {
        return scale().statuses();
    }

    public RagScale scale() {
        return ragScale == null || ragScale.isEmpty() ? RagScale.DEFAULT : new RagScale(ragScale);
    }

    /** Whether editors of an organisation named on an activity as lead or partner may report its progress. */
    public boolean isPartnersMayReport() {
        return partnersMayReport;
    }

    /**
     * Whether a progress update is a draft until an admin of the owning organisation publishes it. Drafts are shown
     * only to signed-in users of the owner ({@link #showsDraftsTo}); everyone else sees published updates only.
     */
    public boolean isRequiresApproval() {
        return requiresApproval;
    }

    /** Whether the caller sees the plan's draft updates: signed-in users of the owning organisation, whatever their role. */
    public boolean showsDraftsTo(Caller caller) {
        return caller.belongsTo(ownerOrganisation);
    }

    public ReferenceScope getReferenceScope() {
        return referenceScope == null ? ReferenceScope.PLAN : referenceScope;
    }

    /** The quarters updates may be reported for; empty when the period is not a year range, and then any quarter may be. */
    public Optional<ReportingWindow> reportingWindow() {
        return ReportingWindow.ofPlanPeriod(period);
    }

    public Optional<Theme> theme(String key) {
        return themes.stream().filter(theme -> theme.key().equals(key)).findFirst();
    }

    /** The theme holding the objective with this key. */
    public Optional<Theme> themeOfObjective(String objectiveKey) {
        return themes.stream().filter(theme -> theme.objectives().stream().anyMatch(o -> o.key().equals(objectiveKey))).findFirst();
    }

    public Optional<Objective> objective(String key) {
        return themes.stream().flatMap(theme -> theme.objectives().stream()).filter(o -> o.key().equals(key)).findFirst();
    }
}
