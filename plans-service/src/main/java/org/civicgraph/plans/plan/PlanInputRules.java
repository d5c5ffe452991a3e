package org.civicgraph.plans.plan;

import org.civicgraph.platform.graphql.InvalidInputException;

import java.util.List;
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
    }

    static void checkChanges(UpdatePlanInput changes) {
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
        for (int t = 0; t < themes.size(); t++) {
            Theme theme = themes.get(t);
            requireTitle("themes[" + t + "].title", theme.title());
            for (int o = 0; o < theme.objectives().size(); o++) {
                requireTitle("themes[" + t + "].objectives[" + o + "].title", theme.objectives().get(o).title());
            }
        }
    }
}
