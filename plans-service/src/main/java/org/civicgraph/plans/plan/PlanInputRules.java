package org.civicgraph.plans.plan;

import org.civicgraph.platform.graphql.InvalidInputException;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What a plan's fields must look like; each failure names the field at fault, before anything is stored. */
final class PlanInputRules {

    static final int MAX_TITLE = 300;
    private static final int MAX_PERIOD = 100;
    private static final int MAX_LABEL = 60;
    private static final Pattern SLUG = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    private static final Pattern GSS_CODE = Pattern.compile("[A-Z][0-9]{8}");
    private static final Pattern YEAR_RANGE = Pattern.compile("(\\d{4})-(\\d{2}|\\d{4})");
    private static final Pattern COLOUR = Pattern.compile("#[0-9A-Fa-f]{6}");
    private static final int MAX_TEXT = 2000;
    private static final int MAX_STATUSES = 10;
    private static final int MAX_STATUS_LABEL = 30;

    private PlanInputRules() {
    }

    static void checkNew(CreatePlanInput draft) {
        requireId(draft.id());
        if (draft.ownerOrganisation() == null || draft.ownerOrganisation().isBlank()) {
            throw new InvalidInputException("ownerOrganisation", "ownerOrganisation must name the organisation that owns the plan");
        }
        requireTitle("title", draft.title());
        if (draft.kind() == null) {
            throw new InvalidInputException("kind", "kind must be one of CORPORATE_PLAN, STRATEGY, STRATEGIC_PLAN");
        }
        requirePeriod(draft.period());
        requireLabel("themeLabel", draft.themeLabel());
        requireLabel("objectiveLabel", draft.objectiveLabel());
        requireAreas(draft.areas());
        if (draft.visibility() == null) {
            throw new InvalidInputException("visibility", "visibility must be PUBLIC or INTERNAL");
        }
        requireThemes(draft.themes());
        requireScale(draft.ragScale());
    }

    static void checkChanges(UpdatePlanInput changes) {
        if (changes.ragScale() != null) {
            requireScale(changes.ragScale());
        }
        if (changes.title() != null) {
            requireTitle("title", changes.title());
        }
        if (changes.period() != null) {
            requirePeriod(changes.period());
        }
    }

    static void requireId(String id) {
        if (id == null || id.length() < 3 || id.length() > 80 || !SLUG.matcher(id).matches()) {
            throw new InvalidInputException("id", "id must be 3 to 80 characters of a-z, 0-9 and single hyphens between them, "
                    + "such as boston-bc-corporate-plan; you gave '" + id + "'");
        }
    }

    static void requireTitle(String field, String title) {
        if (title == null || title.isBlank()) {
            throw new InvalidInputException(field, field + " must not be blank");
        }
        if (title.length() > MAX_TITLE) {
            throw new InvalidInputException(field, field + " may be at most " + MAX_TITLE + " characters; it has " + title.length());
        }
    }

    /** A period is kept as written ("2020-2024", "2022-26", "five-year"); only a year range that runs backwards is refused. */
    static void requirePeriod(String period) {
        if (period == null || period.isBlank()) {
            throw new InvalidInputException("period", "period must not be blank; write it as the plan does, such as 2020-2024 or 2022-26");
        }
        if (period.length() > MAX_PERIOD) {
            throw new InvalidInputException("period", "period may be at most " + MAX_PERIOD + " characters");
        }
        Matcher years = YEAR_RANGE.matcher(period.strip());
        if (years.matches()) {
            int start = Integer.parseInt(years.group(1));
            int end = years.group(2).length() == 2 ? start / 100 * 100 + Integer.parseInt(years.group(2)) : Integer.parseInt(years.group(2));
            if (end < start) {
                throw new InvalidInputException("period", "period " + period + " ends before it starts");
            }
        }
    }

    private static void requireLabel(String field, String label) {
        if (label == null || label.isBlank() || label.length() > MAX_LABEL) {
            throw new InvalidInputException(field, field + " must be 1 to " + MAX_LABEL + " characters, such as Ambition or Outcome");
        }
    }

    private static void requireAreas(List<String> areas) {
        for (String area : areas) {
            if (area == null || !GSS_CODE.matcher(area).matches()) {
                throw new InvalidInputException("areas", "areas must be ONS GSS codes such as E10000019; '" + area + "' is not one");
            }
        }
    }

    private static void requireThemes(List<Theme> themes) {
        Set<String> keys = new HashSet<>();
        for (int t = 0; t < themes.size(); t++) {
            requireTheme("themes[" + t + "].", themes.get(t), keys);
        }
    }

    /** A theme added to a plan: its fields are named as in {@code AddThemeInput}; its keys must be new to the plan. */
    static void checkNewTheme(Theme theme, Set<String> keysOfPlan) {
        requireTheme("", theme, new HashSet<>(keysOfPlan));
    }

    /** An objective added to a plan: its fields are named as in {@code AddObjectiveInput}; its key must be new to the plan. */
    static void checkNewObjective(Objective objective, Set<String> keysOfPlan) {
        requireObjective("", objective, new HashSet<>(keysOfPlan));
    }

    /** The changes to a theme, where given; a title may not be blanked, a description may be emptied. */
    static void checkThemeChanges(String title, String description, List<String> partnerOrganisations) {
        if (title != null) {
            requireTitle("title", title);
        }
        requireText("description", description);
        if (partnerOrganisations != null) {
            requireSlugs("partnerOrganisations", partnerOrganisations);
        }
    }

    /** The changes to an objective, where given. */
    static void checkObjectiveChanges(String title, List<String> successMeasures) {
        if (title != null) {
            requireTitle("title", title);
        }
        if (successMeasures != null) {
            requireMeasures("successMeasures", successMeasures);
        }
    }

    private static void requireTheme(String prefix, Theme theme, Set<String> keys) {
        requireTitle(prefix + "title", theme.title());
        requireKey(prefix + "key", theme.key(), keys);
        requireText(prefix + "description", theme.description());
        requireSlugs(prefix + "partnerOrganisations", theme.partnerOrganisations());
        for (int o = 0; o < theme.objectives().size(); o++) {
            requireObjective(prefix + "objectives[" + o + "].", theme.objectives().get(o), keys);
        }
    }

    private static void requireObjective(String prefix, Objective objective, Set<String> keys) {
        requireTitle(prefix + "title", objective.title());
        requireKey(prefix + "key", objective.key(), keys);
        requireMeasures(prefix + "successMeasures", objective.successMeasures());
    }

    private static void requireMeasures(String field, List<String> measures) {
        for (String measure : measures) {
            if (measure == null || measure.isBlank()) {
                throw new InvalidInputException(field, "a success measure must not be blank");
            }
            requireText(field, measure);
        }
    }

    /** Theme and objective keys share one namespace within the plan, so a key names one thing. */
    private static void requireKey(String field, String key, Set<String> taken) {
        if (key == null || key.length() > 80 || !SLUG.matcher(key).matches()) {
            throw new InvalidInputException(field, field + " must be 1 to 80 characters of a-z, 0-9 and single hyphens; '" + key + "' is not");
        }
        if (!taken.add(key)) {
            throw new InvalidInputException(field, field + " '" + key + "' is taken by another theme or objective of this plan");
        }
    }

    private static void requireText(String field, String text) {
        if (text != null && text.length() > MAX_TEXT) {
            throw new InvalidInputException(field, field + " may be at most " + MAX_TEXT + " characters; it has " + text.length());
        }
    }

    static void requireSlugs(String field, List<String> organisations) {
        for (String organisation : organisations) {
            if (organisation == null || !SLUG.matcher(organisation).matches()) {
                throw new InvalidInputException(field, field + " must be organisation ids such as boston-bc; '" + organisation + "' is not one");
            }
        }
    }

    /** A scale has 1 to 10 statuses with distinct labels (whatever their case), each with a colour and a meaning. */
    static void requireScale(List<RagStatus> statuses) {
        if (statuses.isEmpty() || statuses.size() > MAX_STATUSES) {
            throw new InvalidInputException("ragScale", "ragScale must have 1 to " + MAX_STATUSES + " statuses; it has " + statuses.size());
        }
        Set<String> labels = new HashSet<>();
        for (int i = 0; i < statuses.size(); i++) {
            RagStatus status = statuses.get(i);
            String field = "ragScale[" + i + "]";
            if (status.label() == null || status.label().isBlank() || status.label().length() > MAX_STATUS_LABEL) {
                throw new InvalidInputException(field + ".label", field + ".label must be 1 to " + MAX_STATUS_LABEL + " characters, such as Green");
            }
            if (!labels.add(status.label().strip().toLowerCase(Locale.ROOT))) {
                throw new InvalidInputException(field + ".label", "The label " + status.label() + " appears twice in the scale");
            }
            if (status.colour() == null || !COLOUR.matcher(status.colour()).matches()) {
                throw new InvalidInputException(field + ".colour", field + ".colour must be written #RRGGBB, such as #00703C; '" + status.colour() + "' is not");
            }
            if (status.meaning() == null || status.meaning().isBlank() || status.meaning().length() > MAX_TITLE) {
                throw new InvalidInputException(field + ".meaning", field + ".meaning must say what the status means, in 1 to " + MAX_TITLE + " characters");
            }
        }
    }
}
