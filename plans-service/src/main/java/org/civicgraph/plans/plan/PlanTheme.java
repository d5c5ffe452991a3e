package org.civicgraph.plans.plan;

import java.util.List;

/** A theme as the API shows it: with the plan it belongs to, so that its objectives can find their activities. */
public record PlanTheme(String planId, Theme theme) {

    public String key() {
        return theme.key();
    }

    public String title() {
        return theme.title();
    }

    public String description() {
        return theme.description();
    }

    public List<String> partnerOrganisations() {
        return theme.partnerOrganisations();
    }

    public List<PlanObjective> objectives() {
        return theme.objectives().stream().map(objective -> new PlanObjective(planId, theme.key(), objective)).toList();
    }

    public static List<PlanTheme> of(Plan plan) {
        return plan.getThemes().stream().map(theme -> new PlanTheme(plan.getId(), theme)).toList();
    }
}
