package org.civicgraph.plans.plan;

import org.civicgraph.plans.plan.ThemeInputs.AddObjectiveInput;
import org.civicgraph.plans.plan.ThemeInputs.AddThemeInput;
import org.civicgraph.plans.plan.ThemeInputs.RemoveObjectiveInput;
import org.civicgraph.plans.plan.ThemeInputs.RemoveThemeInput;
import org.civicgraph.plans.plan.ThemeInputs.UpdateObjectiveInput;
import org.civicgraph.plans.plan.ThemeInputs.UpdateThemeInput;
import org.civicgraph.platform.events.ConflictRetry;
import org.civicgraph.platform.graphql.InvalidInputException;
import org.civicgraph.platform.graphql.NotFoundException;
import org.civicgraph.platform.security.Caller;
import org.civicgraph.platform.security.RecordAccess;
import org.springframework.stereotype.Service;

import java.util.List;
import java.util.Set;

/**
 * Changes a plan's themes and objectives after it was created: adds, edits and removes them, for editors and admins
 * of the plan's owner only. Each change is checked whole before anything is stored, saved with the plan's version
 * (again on the fresh plan if someone else changed it meanwhile) and published with old and new values through the
 * plan's outbox, keyed by the plan. Keys never change, since activities point to them; a theme or objective is removed
 * only while no activity sits under it (move or remove them first). An activity created under an objective at the very
 * moment the objective is removed may still land under it; the plan's tree then no longer shows it.
 */
@Service
class PlanStructure {

    private final Plans plans;
    private final PlacedActivities activities;

    PlanStructure(Plans plans, PlacedActivities activities) {
        this.plans = plans;
        this.activities = activities;
    }

    Plan addTheme(AddThemeInput input) {
        return change(input.planId(), (plan, editor) -> {
            Theme theme = new Theme(blankToNull(input.key()), input.title(), input.description(), input.partnerOrganisations(),
                    input.objectives());
            PlanInputRules.checkNewTheme(theme, plan.keys());
            plan.addTheme(theme, editor.subject());
            return true;
        });
    }

    Plan updateTheme(UpdateThemeInput input) {
        return change(input.planId(), (plan, editor) -> {
            requireTheme(plan, input.key());
            PlanInputRules.checkThemeChanges(input.title(), input.description(), input.partnerOrganisations());
            return plan.changeTheme(input.key(), input.title(), input.description(), input.partnerOrganisations(), editor.subject());
        });
    }

    Plan removeTheme(RemoveThemeInput input) {
        return change(input.planId(), (plan, editor) -> {
            Theme theme = requireTheme(plan, input.key());
            long under = activities.countUnder(plan.getId(), Set.of(theme.key()), theme.objectives().stream().map(Objective::key).toList());
            if (under > 0) {
                throw new InvalidInputException("key", plan.getThemeLabel() + " '" + theme.key() + "' has " + under
                        + (under == 1 ? " activity" : " activities") + " under it; move or remove them first");
            }
            plan.removeTheme(theme.key(), editor.subject());
            return true;
        });
    }

    Plan addObjective(AddObjectiveInput input) {
        return change(input.planId(), (plan, editor) -> {
            Theme theme = plan.theme(input.themeKey()).orElseThrow(() -> new NotFoundException("themeKey",
                    "Plan " + plan.getId() + " has no " + plan.getThemeLabel() + " with the key '" + input.themeKey() + "'"));
            Set<String> keys = plan.keys();
            String key = blankToNull(input.key());
            if (key == null) {
                int position = theme.objectives().size() + 1;
                while (keys.contains(theme.key() + "-" + position)) {
                    position++;
                }
                key = theme.key() + "-" + position;
            }
            Objective objective = new Objective(key, input.title(), input.successMeasures());
            PlanInputRules.checkNewObjective(objective, keys);
            plan.addObjective(theme.key(), objective, editor.subject());
            return true;
        });
    }

    Plan updateObjective(UpdateObjectiveInput input) {
        return change(input.planId(), (plan, editor) -> {
            requireObjective(plan, input.key());
            PlanInputRules.checkObjectiveChanges(input.title(), input.successMeasures());
            return plan.changeObjective(input.key(), input.title(), input.successMeasures(), editor.subject());
        });
    }

    Plan removeObjective(RemoveObjectiveInput input) {
        return change(input.planId(), (plan, editor) -> {
            Objective objective = requireObjective(plan, input.key());
            long under = activities.countUnder(plan.getId(), List.of(), List.of(objective.key()));
            if (under > 0) {
                throw new InvalidInputException("key", plan.getObjectiveLabel() + " '" + objective.key() + "' has " + under
                        + (under == 1 ? " activity" : " activities") + " under it; move or remove them first");
            }
            plan.removeObjective(objective.key(), editor.subject());
            return true;
        });
    }

    /** Loads the plan, asks who may change it, applies the change and saves it if anything changed; again on a conflict. */
    private Plan change(String planId, Change change) {
        // Before the plan is loaded, so that an anonymous caller cannot tell which ids exist.
        RecordAccess.requireSignedIn();
        return ConflictRetry.run(() -> {
            Plan plan = plans.findById(planId == null ? "" : planId)
                    .orElseThrow(() -> new NotFoundException("planId", "No plan has the id " + planId));
            Caller editor = RecordAccess.requireCanEdit(plan.getOwnerOrganisation());
            return change.apply(plan, editor) ? plans.save(plan) : plan;
        });
    }

    private static Theme requireTheme(Plan plan, String key) {
        return plan.theme(key).orElseThrow(() -> new NotFoundException("key",
                "Plan " + plan.getId() + " has no " + plan.getThemeLabel() + " with the key '" + key + "'"));
    }

    private static Objective requireObjective(Plan plan, String key) {
        return plan.objective(key).orElseThrow(() -> new NotFoundException("key",
                "Plan " + plan.getId() + " has no " + plan.getObjectiveLabel() + " with the key '" + key + "'"));
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }

    @FunctionalInterface
    private interface Change {
        /** Applies the change to the plan; returns whether anything changed. */
        boolean apply(Plan plan, Caller editor);
    }
}
