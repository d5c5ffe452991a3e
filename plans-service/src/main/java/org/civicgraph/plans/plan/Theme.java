package org.civicgraph.plans.plan;

import java.util.ArrayList;
import java.util.List;

/**
 * The top level of a plan, under whatever name the plan gives it ({@link Plan#getThemeLabel()}).
 *
 * @param key                  stable within the plan, for activities to point to; derived from the title when not given
 * @param description          the theme's overall objective, where the plan states one
 * @param partnerOrganisations organisation ids of the partners the plan names for the whole theme (a lever area's partners)
 * @param objectives           whose keys, when not given, are the theme's key and their position: {@code housing-and-homelessness-1}
 */
public record Theme(String key, String title, String description, List<String> partnerOrganisations, List<Objective> objectives) {

    public Theme {
        key = key == null || key.isBlank() ? Keys.slug(title) : key;
        partnerOrganisations = partnerOrganisations == null ? List.of() : List.copyOf(partnerOrganisations);
        List<Objective> keyed = new ArrayList<>();
        List<Objective> given = objectives == null ? List.of() : objectives;
        for (int i = 0; i < given.size(); i++) {
            Objective objective = given.get(i);
            keyed.add(objective.key() == null || objective.key().isBlank()
                    ? new Objective(key + "-" + (i + 1), objective.title(), objective.successMeasures())
                    : objective);
        }
        objectives = List.copyOf(keyed);
    }
}
