package org.civicgraph.plans.activity;

/**
 * What to look for; every field given must match.
 *
 * @param text         found in the description, outputs, milestones or reference, ignoring case
 * @param theme        a theme key
 * @param objective    an objective key
 * @param organisation lead or partner on the activity, or a partner the plan names for the activity's theme
 * @param area         an ONS GSS code among the activity's areas
 * @param period       a reporting period; alone, activities reported for it
 * @param status       a status label: activities whose current update for {@code period} has it
 */
public record ActivityFilter(String planId, String text, String theme, String objective, String organisation, String area,
                             String period, String status) {

    public static final ActivityFilter NONE = new ActivityFilter(null, null, null, null, null, null, null, null);

    ActivityFilter inPlan(String id) {
        return new ActivityFilter(id, text, theme, objective, organisation, area, period, status);
    }
}
