package org.civicgraph.plans.plan;

import org.civicgraph.platform.events.AggregateRoot;
import org.civicgraph.platform.events.FieldChanges;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

import java.util.List;
import java.util.Map;

/**
 * A plan an organisation has adopted, identified by a slug such as {@code lincolnshire-cc-corporate-plan}:
 * themes, each with objectives, under the names the plan itself uses for them.
 */
@Document("plans")
public class Plan extends AggregateRoot {

    static final String CREATED = "org.civicgraph.plans.plan.created.v1";
    static final String UPDATED = "org.civicgraph.plans.plan.updated.v1";

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
        plan.recordEvent(CREATED, subject(plan.id), Map.of("id", plan.id, "ownerOrganisation", plan.ownerOrganisation,
                "title", plan.title, "kind", plan.kind.name(), "period", plan.period, "areas", plan.areas,
                "visibility", plan.visibility.name(), "createdBy", createdBy));
        return plan;
    }

    /** Applies the changes that differ from the current values and records them, old and new; returns whether anything changed. */
    boolean update(String newTitle, String newPeriod, Visibility newVisibility, String changedBy) {
        FieldChanges changes = new FieldChanges();
        title = changes.setIfGiven("title", title, newTitle);
        period = changes.setIfGiven("period", period, newPeriod);
        visibility = changes.setIfGiven("visibility", visibility, newVisibility);
        if (changes.isEmpty()) {
            return false;
        }
        recordEvent(UPDATED, subject(id), changes.eventData("id", id, changedBy));
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
}
