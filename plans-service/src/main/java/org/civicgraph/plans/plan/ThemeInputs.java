package org.civicgraph.plans.plan;

import java.util.List;

/** The inputs of the mutations that change a plan's themes and objectives after it was created. */
final class ThemeInputs {

    private ThemeInputs() {
    }

    /** A new theme, after the plan's last; its key is derived from the title when left out. */
    record AddThemeInput(String planId, String key, String title, String description, List<String> partnerOrganisations,
                         List<Objective> objectives) {
    }

    /** Fields left out are not changed; the key, which activities point to, never changes. */
    record UpdateThemeInput(String planId, String key, String title, String description, List<String> partnerOrganisations) {
    }

    record RemoveThemeInput(String planId, String key) {
    }

    /** A new objective, after the theme's last; its key is the theme's key and its position when left out. */
    record AddObjectiveInput(String planId, String themeKey, String key, String title, List<String> successMeasures) {
    }

    /** Fields left out are not changed; the key never changes. */
    record UpdateObjectiveInput(String planId, String key, String title, List<String> successMeasures) {
    }

    record RemoveObjectiveInput(String planId, String key) {
    }
}
