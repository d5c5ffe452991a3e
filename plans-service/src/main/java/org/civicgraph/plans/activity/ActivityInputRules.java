package org.civicgraph.plans.activity;

import org.civicgraph.plans.period.Dates;
import org.civicgraph.plans.period.FinancialYear;
import org.civicgraph.plans.plan.Objective;
import org.civicgraph.plans.plan.Plan;
import org.civicgraph.plans.plan.Theme;
import org.civicgraph.platform.graphql.InvalidInputException;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** What an activity's fields must look like; each failure names the field at fault, before anything is stored. */
final class ActivityInputRules {

    static final int MAX_TEXT = 4000;
    private static final int MAX_LIST = 100;
    private static final Pattern REFERENCE = Pattern.compile("[A-Za-z0-9]+([.\\-][A-Za-z0-9]+)*");
    private static final Pattern SLUG = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    private static final Pattern GSS_CODE = Pattern.compile("[A-Z][0-9]{8}");
    private static final Pattern INDICATOR_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]{0,99}");

    private ActivityInputRules() {
    }

    static ActivityDraft draft(CreateActivityInput input, Plan plan) {
        requireReference("reference", input.reference());
        String referenceYear = input.referenceYear() == null ? null : financialYear("referenceYear", input.referenceYear());
        List<FormerReference> formerReferences = new ArrayList<>();
        for (int i = 0; i < input.formerReferences().size(); i++) {
            FormerReference former = input.formerReferences().get(i);
            requireReference("formerReferences[" + i + "].reference", former.reference());
            formerReferences.add(new FormerReference(former.reference(),
                    financialYear("formerReferences[" + i + "].financialYear", former.financialYear())));
        }
        Objective objective = objective(plan, input.objective());
        requireText("description", input.description(), true);
        String lead = input.leadOrganisation() == null ? plan.getOwnerOrganisation() : input.leadOrganisation();
        requireSlugs("leadOrganisation", List.of(lead));
        requireSlugs("partnerOrganisations", input.partnerOrganisations());
        List<String> areas = input.areas() == null ? plan.getAreas() : input.areas();
        requireAreas(areas);
        requireTexts("outputs", input.outputs());
        requireIndicators(input.successMeasureIndicators());
        requireText("note", input.note(), false);
        List<Milestone> milestones = new ArrayList<>();
        for (int i = 0; i < input.milestones().size(); i++) {
            CreateActivityInput.MilestoneInput milestone = input.milestones().get(i);
            String field = "milestones[" + i + "]";
            requireText(field + ".text", milestone.text(), true);
            milestones.add(new Milestone("m" + (i + 1), milestone.text(), Dates.parse(field + ".dueDate", milestone.dueDate()),
                    milestone.status() == null ? MilestoneStatus.SCHEDULED : milestone.status(), null));
        }
        return new ActivityDraft(plan.getId(), input.reference(), referenceYear, formerReferences,
                plan.themeOfObjective(objective.key()).map(Theme::key).orElseThrow(), objective.key(), input.description(),
                lead, input.partnerOrganisations(), areas, input.outputs(), input.successMeasureIndicators(), milestones, input.note());
    }

    static ActivityChanges changes(UpdateActivityInput input, Plan plan) {
        String objectiveKey = null;
        String themeKey = null;
        if (input.objective() != null) {
            objectiveKey = objective(plan, input.objective()).key();
            themeKey = plan.themeOfObjective(objectiveKey).map(Theme::key).orElseThrow();
        }
        if (input.description() != null) {
            requireText("description", input.description(), true);
        }
        if (input.leadOrganisation() != null) {
            requireSlugs("leadOrganisation", List.of(input.leadOrganisation()));
        }
        if (input.partnerOrganisations() != null) {
            requireSlugs("partnerOrganisations", input.partnerOrganisations());
        }
        if (input.areas() != null) {
            requireAreas(input.areas());
        }
        if (input.outputs() != null) {
            requireTexts("outputs", input.outputs());
        }
        if (input.successMeasureIndicators() != null) {
            requireIndicators(input.successMeasureIndicators());
        }
        requireText("note", input.note(), false);
        return new ActivityChanges(objectiveKey, themeKey, input.description(), input.leadOrganisation(),
                input.partnerOrganisations(), input.areas(), input.outputs(), input.successMeasureIndicators(), input.note());
    }

    static MilestoneChanges milestoneChanges(ChangeMilestoneInput input, Activity activity) {
        requireMilestone(activity, input.milestoneId());
        if (input.text() != null) {
            requireText("text", input.text(), true);
        }
        return new MilestoneChanges(input.text(), Dates.parse("dueDate", input.dueDate()), input.status(),
                Dates.parse("revisedDueDate", input.revisedDueDate()));
    }

    static void requireMilestone(Activity activity, String milestoneId) {
        if (milestoneId == null || activity.milestone(milestoneId).isEmpty()) {
            throw new InvalidInputException("milestoneId", "Activity " + activity.getReference() + " has no milestone '" + milestoneId
                    + "'; its milestones are " + activity.getMilestones().stream().map(Milestone::id).collect(Collectors.joining(", ")));
        }
    }

    static void requireText(String field, String text, boolean required) {
        if (required && (text == null || text.isBlank())) {
            throw new InvalidInputException(field, field + " must not be blank");
        }
        if (text != null && text.length() > MAX_TEXT) {
            throw new InvalidInputException(field, field + " may be at most " + MAX_TEXT + " characters; it has " + text.length());
        }
    }

    private static Objective objective(Plan plan, String key) {
        return plan.objective(key).orElseThrow(() -> new InvalidInputException("objective", "Plan " + plan.getId()
                + " has no objective with the key '" + key + "'; its keys look like "
                + plan.getThemes().stream().flatMap(t -> t.objectives().stream()).limit(3).map(Objective::key).collect(Collectors.joining(", "))));
    }

    private static void requireReference(String field, String reference) {
        if (reference == null || reference.length() > 20 || !REFERENCE.matcher(reference).matches()) {
            throw new InvalidInputException(field, field + " must be the reference as the plan writes it, such as A9 or 1.1 "
                    + "(letters and digits, with . or - between them, at most 20 characters); '" + reference + "' is not");
        }
    }

    static String financialYear(String field, String text) {
        try {
            return FinancialYear.parse(text).toString();
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(field, e.getMessage());
        }
    }

    private static void requireSlugs(String field, List<String> organisations) {
        requireAtMost(field, organisations);
        if (new HashSet<>(organisations).size() < organisations.size()) {
            throw new InvalidInputException(field, field + " names an organisation twice");
        }
        for (String organisation : organisations) {
            if (organisation == null || organisation.length() > 80 || !SLUG.matcher(organisation).matches()) {
                throw new InvalidInputException(field, field + " must be organisation ids such as boston-bc; '" + organisation + "' is not one");
            }
        }
    }

    private static void requireAreas(List<String> areas) {
        requireAtMost("areas", areas);
        for (String area : areas) {
            if (area == null || !GSS_CODE.matcher(area).matches()) {
                throw new InvalidInputException("areas", "areas must be ONS GSS codes such as E07000136; '" + area + "' is not one");
            }
        }
    }

    private static void requireTexts(String field, List<String> texts) {
        requireAtMost(field, texts);
        for (int i = 0; i < texts.size(); i++) {
            requireText(field + "[" + i + "]", texts.get(i), true);
        }
    }

    private static void requireIndicators(List<String> indicators) {
        requireAtMost("successMeasureIndicators", indicators);
        for (String indicator : indicators) {
            if (indicator == null || !INDICATOR_ID.matcher(indicator).matches()) {
                throw new InvalidInputException("successMeasureIndicators", "successMeasureIndicators must be indicator ids; '" + indicator + "' is not one");
            }
        }
    }

    private static void requireAtMost(String field, List<?> values) {
        if (values.size() > MAX_LIST) {
            throw new InvalidInputException(field, field + " may have at most " + MAX_LIST + " entries; it has " + values.size());
        }
    }
}
