package org.civicgraph.plans.activity;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/**
 * Which of a plan's activities a reference names, as the plan's readers use references: the current numbering
 * first, an earlier year's numbering when the year is given, and the theme where references repeat across themes.
 */
public final class ActivityReferences {

    private ActivityReferences() {
    }

    /**
     * The activities the reference may name: none, one, or several when only a theme could tell them apart.
     *
     * @param activities    activities of one plan; any that the reference cannot name are ignored
     * @param theme         a theme key, or null
     * @param referenceYear a financial year written 2020/21, or null: without it the current numbering comes before
     *                      earlier ones
     */
    public static List<Activity> resolve(Collection<Activity> activities, String reference, String theme, String referenceYear) {
        List<Activity> candidates = activities.stream()
                .filter(activity -> reference.equals(activity.getReference())
                        || activity.getFormerReferences().stream().anyMatch(former -> reference.equals(former.reference())))
                .filter(activity -> theme == null || theme.equals(activity.getThemeKey()))
                .toList();
        List<Activity> current = candidates.stream().filter(activity -> reference.equals(activity.getReference())).toList();
        List<Activity> matches = List.of();
        if (referenceYear != null) {
            matches = candidates.stream().filter(activity -> referenceYear.equals(activity.getReferenceYear()) && reference.equals(activity.getReference())
                    || activity.getFormerReferences().contains(new FormerReference(reference, referenceYear))).toList();
        }
        if (matches.isEmpty()) {
            matches = current.stream().filter(activity -> activity.getReferenceYear() == null).toList();
        }
        if (matches.isEmpty() && referenceYear == null) {
            matches = current.stream().sorted(Comparator.comparing(Activity::getReferenceYear).reversed()).limit(1).toList();
        }
        if (matches.isEmpty() && referenceYear == null) {
            matches = candidates;
        }
        return matches;
    }
}
