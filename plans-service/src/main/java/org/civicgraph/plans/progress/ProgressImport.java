package org.civicgraph.plans.progress;

import org.civicgraph.plans.activity.Activity;
import org.civicgraph.plans.activity.ActivityCatalogue;
import org.civicgraph.plans.activity.ActivityReferences;
import org.civicgraph.plans.activity.Milestone;
import org.civicgraph.plans.activity.MilestoneProgress;
import org.civicgraph.plans.period.FinancialYear;
import org.civicgraph.plans.period.ReportingPeriod;
import org.civicgraph.plans.plan.Plan;
import org.civicgraph.plans.plan.PlanCatalogue;
import org.civicgraph.plans.plan.RagStatus;
import org.civicgraph.plans.plan.Theme;
import org.civicgraph.plans.progress.ProgressImportReport.Change;
import org.civicgraph.plans.progress.ProgressImportReport.ImportError;
import org.civicgraph.plans.progress.ProgressImportReport.RowOutcome;
import org.civicgraph.platform.graphql.InvalidInputException;
import org.civicgraph.platform.security.Caller;
import org.civicgraph.platform.security.RecordAccess;
import org.civicgraph.platform.security.Role;
import org.springframework.dao.DataAccessException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Imports a quarter's progress updates for one plan from a spreadsheet, a row per activity. Every row is checked
 * before anything is stored, against the plan, its activities and the updates already reported for the period
 * (three reads, whatever the number of rows); any error leaves everything as it was. A row for an activity without an
 * update for the period becomes its first update; a row that differs from the current update becomes a correction
 * (a new revision, with the reason given or one naming the file and row); a row that says the same is left alone.
 * In a correction a blank cell keeps what the current update says, as in {@code correctProgressUpdate}. The current
 * update is the latest revision, a draft included; on a plan that requires approval the import's updates are drafts.
 * <p>
 * Who may import is who may report: editors and admins of the plan's owner for any activity; where the plan allows
 * it, editors and admins of an organisation named on an activity, for those activities only.
 */
@Service
class ProgressImport {

    static final int MAX_ROWS = 5000;
    private static final Pattern MILESTONE_DATE = Pattern.compile("([A-Za-z]+\\d+)\\s*[=:]\\s*(.*)");
    private static final DateTimeFormatter UK_DATE = DateTimeFormatter.ofPattern("d/M/uuuu").withResolverStyle(ResolverStyle.STRICT);
    private static final Pattern FINANCIAL_YEAR = Pattern.compile("\\d{4}\\s*[/-]\\s*(\\d{2}|\\d{4})");

    private final MongoTemplate mongo;
    private final PlanCatalogue plans;
    private final ActivityCatalogue activities;
    private final ProgressRecords records;

    ProgressImport(MongoTemplate mongo, PlanCatalogue plans, ActivityCatalogue activities, ProgressRecords records) {
        this.mongo = mongo;
        this.plans = plans;
        this.activities = activities;
        this.records = records;
    }

    /**
     * Checks the file and, unless it is a preview or there is an error, applies it.
     *
     * @throws InvalidInputException for a period outside the plan or a file that cannot be read at all
     * @throws ImportConflictException when another update for one of the activities was stored while applying
     */
    ProgressImportReport run(String planId, String periodText, Upload upload, boolean preview) {
        Caller caller = RecordAccess.requireSignedIn();
        Plan plan = plans.require(planId, "planId");
        boolean ownerEditor = RecordAccess.canEdit(caller, plan.getOwnerOrganisation());
        if (!ownerEditor && !(plan.isPartnersMayReport() && (caller.has(Role.EDITOR) || caller.has(Role.ADMIN)))) {
            throw refused(caller, plan);
        }
        ReportingPeriod period = ProgressInputRules.period(periodText, plan);
        Sheet sheet = upload.read();
        List<Activity> planActivities = activities.allInPlan(plan.getId());
        if (!ownerEditor && planActivities.stream().noneMatch(activity -> activity.names(caller.organisation()))) {
            throw refused(caller, plan);
        }
        Checking checking = new Checking(plan, period, sheet, upload.fileName(), planActivities,
                records.currentInPlan(plan.getId(), period, true), ownerEditor ? null : caller.organisation());
        checking.checkAll();
        boolean valid = checking.errors.isEmpty();
        boolean applied = false;
        if (valid && !preview) {
            apply(checking.planned, caller, upload.fileName(), plan.isRequiresApproval());
            applied = true;
        }
        return checking.report(preview, valid, applied);
    }

    private static AccessDeniedException refused(Caller caller, Plan plan) {
        return new AccessDeniedException("Only editors or admins of " + plan.getOwnerOrganisation()
                + (plan.isPartnersMayReport() ? ", or of an organisation named on the plan's activities," : "")
                + " may import progress updates for " + plan.getId() + "; you are signed in for " + caller.organisation()
                + " with roles " + caller.roles());
    }

    /**
     * Stores every new update and correction in one ordered write. Their ids are fixed by activity, period and
     * revision, so an update stored by someone else since the check makes the write fail on that id; the updates this
     * import had stored by then are removed again (by their import id, so the other writer's update stays).
     */
    private void apply(List<Planned> planned, Caller caller, String fileName, boolean draft) {
        String importId = UUID.randomUUID().toString();
        List<ProgressUpdate> updates = new ArrayList<>();
        for (Planned change : planned) {
            if (change.change() == Change.NEW || change.change() == Change.CORRECTION) {
                ImportSource source = new ImportSource(importId, fileName, change.row());
                updates.add(change.previous() == null
                        ? ProgressUpdate.first(change.activity(), change.period(), change.report(), caller.subject(), caller.organisation(),
                        draft, source)
                        : change.previous().correctedBy(change.activity(), change.report(), change.reason(), caller.subject(),
                        caller.organisation(), draft, source));
            }
        }
        if (updates.isEmpty()) {
            return;
        }
        try {
            mongo.insertAll(updates);
        } catch (DataAccessException e) {
            mongo.remove(Query.query(Criteria.where("_id").in(updates.stream().map(ProgressUpdate::getId).toList())
                    .and("importedFrom.importId").is(importId)), ProgressUpdate.class);
            throw new ImportConflictException("An update for one of these activities was stored by someone else while the file "
                    + "was being applied, so nothing was imported; preview the file again and apply it");
        }
        for (ProgressUpdate update : draft ? List.<ProgressUpdate>of() : updates) {
            activities.applyMilestoneProgress(update.getActivityId(), update.getMilestones(), update.getAuthor(), update.getId());
        }
    }

    /** A checked row, ready to apply. */
    private record Planned(int row, Activity activity, ReportingPeriod period, CheckedReport report, ProgressUpdate previous,
                           Change change, String reason) {
    }

    /** The checks of one file, collecting every error rather than stopping at the first. */
    private static final class Checking {

        private final Plan plan;
        private final ReportingPeriod period;
        private final Sheet sheet;
        private final String fileName;
        private final List<Activity> planActivities;
        private final Map<String, ProgressUpdate> current;
        private final String partnerOrganisation;
        private final ImportColumn.Layout layout;
        private final List<ImportError> errors = new ArrayList<>();
        private final List<Planned> planned = new ArrayList<>();
        private final List<RowOutcome> outcomes = new ArrayList<>();
        private final Map<String, Integer> rowOfActivity = new HashMap<>();

        Checking(Plan plan, ReportingPeriod period, Sheet sheet, String fileName, List<Activity> planActivities,
                 Map<String, ProgressUpdate> current, String partnerOrganisation) {
            this.plan = plan;
            this.period = period;
            this.sheet = sheet;
            this.fileName = fileName;
            this.planActivities = planActivities;
            this.current = current;
            this.partnerOrganisation = partnerOrganisation;
            this.layout = ImportColumn.layout(sheet.header(), plan.getThemeLabel());
        }

        void checkAll() {
            layout.problems().forEach(problem -> errors.add(new ImportError(sheet.headerRow(), null, null, problem)));
            for (ImportColumn column : layout.missing()) {
                errors.add(new ImportError(sheet.headerRow(), null, column.header(), "No column is headed " + column.header()
                        + ": the header row (row " + sheet.headerRow() + ") must name it"));
            }
            if (!errors.isEmpty()) {
                return;
            }
            if (sheet.rows().isEmpty()) {
                errors.add(new ImportError(sheet.headerRow(), null, null, "There are no rows below the header: add a row per activity"));
            }
            if (sheet.rows().size() > MAX_ROWS) {
                errors.add(new ImportError(sheet.rows().get(MAX_ROWS).number(), null, null, "A file may have at most " + MAX_ROWS
                        + " rows; this one has " + sheet.rows().size() + ": split it"));
                return;
            }
            sheet.rows().forEach(this::check);
        }

        private void check(Sheet.Row row) {
            String reference = cell(row, ImportColumn.ACTIVITY_REF);
            String statusText = cell(row, ImportColumn.STATUS);
            String commentary = cell(row, ImportColumn.COMMENTARY);
            String explanation = cell(row, ImportColumn.EXPLANATION);
            String dates = cell(row, ImportColumn.REVISED_DATES);
            if (statusText.isEmpty() && commentary.isEmpty() && explanation.isEmpty() && dates.isEmpty()) {
                outcomes.add(new RowOutcome(row.number(), reference, null, Change.SKIPPED, null, null, List.of(), null));
                return;
            }
            int errorsBefore = errors.size();
            Activity activity = activity(row, reference);
            if (activity == null) {
                return;
            }
            ProgressUpdate previous = current.get(activity.getId());
            RagStatus status = status(row, statusText, previous);
            commentary = text(row, ImportColumn.COMMENTARY, commentary, previous == null ? null : previous.getCommentary());
            explanation = text(row, ImportColumn.EXPLANATION, explanation, previous == null ? null : previous.getExplanation());
            if (status != null && status.behindPlan() && (explanation == null || explanation.isBlank())) {
                error(row, ImportColumn.EXPLANATION, status.label() + " means " + status.meaning()
                        + " on this plan's scale, which is behind plan: explain the performance and what is being done about it");
            }
            List<MilestoneProgressInput> milestones = milestones(row, activity, dates, previous);
            String reason = null;
            if (previous != null) {
                String given = cell(row, ImportColumn.CORRECTION_REASON);
                try {
                    reason = ProgressInputRules.reason(given.isEmpty() ? "Corrected by spreadsheet import: "
                            + new ImportSource(null, fileName, row.number()).describe() : given);
                } catch (InvalidInputException e) {
                    error(row, ImportColumn.CORRECTION_REASON, e.getMessage());
                }
            }
            if (errors.size() > errorsBefore) {
                return;
            }
            CheckedReport report;
            try {
                report = ProgressInputRules.report(plan, activity, status.label(), commentary, explanation, milestones);
            } catch (InvalidInputException e) {
                error(row, columnOf(e.field()), e.getMessage());
                return;
            }
            List<String> changed = previous == null ? List.of() : changedFields(previous, report);
            Change change = previous == null ? Change.NEW : changed.isEmpty() ? Change.UNCHANGED : Change.CORRECTION;
            String updateId = switch (change) {
                case NEW -> ProgressUpdate.idOf(activity, period, 1);
                case CORRECTION -> ProgressUpdate.idOf(activity, period, previous.getRevision() + 1);
                default -> previous.getId();
            };
            planned.add(new Planned(row.number(), activity, period, report, previous, change, reason));
            outcomes.add(new RowOutcome(row.number(), activity.getReference(), activity.getId(), change,
                    previous == null ? null : previous.getStatus(), report.status().label(), changed, updateId));
        }

        /** The activity the row names, or null after recording why there is none. */
        private Activity activity(Sheet.Row row, String reference) {
            if (reference.isEmpty()) {
                error(row, ImportColumn.ACTIVITY_REF, "The activity reference is blank: give it as the plan writes it, such as "
                        + planActivities.stream().findFirst().map(Activity::getReference).orElse("A1"));
                return null;
            }
            String theme = null;
            String year = null;
            String qualifier = cell(row, ImportColumn.QUALIFIER);
            ImportColumn themeColumn = ImportColumn.THEME;
            ImportColumn yearColumn = ImportColumn.REFERENCE_YEAR;
            String themeText = cell(row, ImportColumn.THEME);
            String yearText = cell(row, ImportColumn.REFERENCE_YEAR);
            if (!qualifier.isEmpty() && FINANCIAL_YEAR.matcher(qualifier).matches() && yearText.isEmpty()) {
                yearText = qualifier;
                yearColumn = ImportColumn.QUALIFIER;
            } else if (!qualifier.isEmpty() && themeText.isEmpty()) {
                themeText = qualifier;
                themeColumn = ImportColumn.QUALIFIER;
            }
            boolean qualifiersOk = true;
            if (!themeText.isEmpty()) {
                theme = themeKey(themeText);
                if (theme == null) {
                    error(row, themeColumn, "Plan " + plan.getId() + " has no " + plan.getThemeLabel() + " '" + themeText + "'; give the key or title of one of "
                            + plan.getThemes().stream().map(Theme::key).collect(Collectors.joining(", ")));
                    qualifiersOk = false;
                }
            }
            if (!yearText.isEmpty()) {
                try {
                    year = FinancialYear.parse(yearText).toString();
                } catch (IllegalArgumentException e) {
                    error(row, yearColumn, e.getMessage());
                    qualifiersOk = false;
                }
            }
            if (!qualifiersOk) {
                return null;
            }
            List<Activity> matches = ActivityReferences.resolve(planActivities, reference, theme, year);
            if (matches.isEmpty()) {
                error(row, ImportColumn.ACTIVITY_REF, "Plan " + plan.getId() + " has no activity " + reference
                        + (theme == null ? "" : " in " + plan.getThemeLabel() + " " + theme) + (year == null ? "" : " in its " + year + " numbering"));
                return null;
            }
            if (matches.size() > 1) {
                error(row, ImportColumn.ACTIVITY_REF, "Plan " + plan.getId() + " has " + matches.size() + " activities " + reference + ", in the "
                        + plan.getThemeLabel() + " " + matches.stream().map(Activity::getThemeKey).collect(Collectors.joining(", "))
                        + ": add a Theme column saying which");
                return null;
            }
            Activity activity = matches.get(0);
            Integer earlier = rowOfActivity.putIfAbsent(activity.getId(), row.number());
            if (earlier != null) {
                error(row, ImportColumn.ACTIVITY_REF, "Activity " + activity.getReference() + " has a row already (row " + earlier
                        + "): give one row per activity");
                return null;
            }
            if (partnerOrganisation != null && !activity.names(partnerOrganisation)) {
                error(row, ImportColumn.ACTIVITY_REF, "Activity " + activity.getReference() + " does not name " + partnerOrganisation
                        + " as lead or partner, so only " + plan.getOwnerOrganisation() + " may report its progress");
                return null;
            }
            return activity;
        }

        private String themeKey(String text) {
            for (Theme theme : plan.getThemes()) {
                if (theme.key().equalsIgnoreCase(text) || theme.title().strip().equalsIgnoreCase(text)) {
                    return theme.key();
                }
            }
            return null;
        }

        private RagStatus status(Sheet.Row row, String text, ProgressUpdate previous) {
            if (text.isEmpty() && previous == null) {
                error(row, ImportColumn.STATUS, "The status is blank: give one of " + plan.scale().labels() + " (the plan's RAG scale)");
                return null;
            }
            String label = text.isEmpty() ? previous.getStatus() : text;
            RagStatus status = plan.scale().find(label).orElse(null);
            if (status == null) {
                error(row, ImportColumn.STATUS, "'" + label + "' is not on the RAG scale of " + plan.getId() + ": use one of " + plan.scale().labels());
            }
            return status;
        }

        private String text(Sheet.Row row, ImportColumn column, String given, String previous) {
            if (given.length() > ProgressInputRules.MAX_TEXT) {
                error(row, column, column.header() + " may be at most " + ProgressInputRules.MAX_TEXT + " characters; it has " + given.length());
            }
            return given.isEmpty() ? previous : given;
        }

        /** The update's news of milestones: the current update's, with the revised dates in the row over it. */
        private List<MilestoneProgressInput> milestones(Sheet.Row row, Activity activity, String text, ProgressUpdate previous) {
            Map<String, MilestoneProgressInput> merged = new LinkedHashMap<>();
            if (previous != null) {
                for (MilestoneProgress news : previous.getMilestones()) {
                    merged.put(news.milestoneId(), new MilestoneProgressInput(news.milestoneId(), news.status(),
                            news.revisedDueDate() == null ? null : news.revisedDueDate().toString()));
                }
            }
            Map<String, LocalDate> revised = revisedDates(row, activity, text);
            revised.forEach((id, date) -> {
                MilestoneProgressInput before = merged.get(id);
                merged.put(id, new MilestoneProgressInput(id, before == null ? null : before.status(), date.toString()));
            });
            return List.copyOf(merged.values());
        }

        private Map<String, LocalDate> revisedDates(Sheet.Row row, Activity activity, String text) {
            Map<String, LocalDate> dates = new LinkedHashMap<>();
            if (text.isEmpty()) {
                return dates;
            }
            for (String entry : text.split("[;,\\n]")) {
                entry = entry.strip();
                if (entry.isEmpty()) {
                    continue;
                }
                Matcher named = MILESTONE_DATE.matcher(entry);
                String milestoneId;
                String dateText;
                if (named.matches()) {
                    milestoneId = named.group(1).toLowerCase(Locale.ROOT);
                    dateText = named.group(2).strip();
                } else if (activity.getMilestones().size() == 1) {
                    milestoneId = activity.getMilestones().get(0).id();
                    dateText = entry;
                } else {
                    error(row, ImportColumn.REVISED_DATES, "'" + entry + "' does not say which milestone: write m1=2021-09-30; "
                            + "activity " + activity.getReference() + " has the milestones " + milestoneIds(activity));
                    continue;
                }
                if (activity.milestone(milestoneId).isEmpty()) {
                    error(row, ImportColumn.REVISED_DATES, "Activity " + activity.getReference() + " has no milestone " + milestoneId
                            + (activity.getMilestones().isEmpty() ? "; it has no milestones" : "; its milestones are " + milestoneIds(activity)));
                    continue;
                }
                LocalDate date = date(dateText);
                if (date == null) {
                    error(row, ImportColumn.REVISED_DATES, "'" + dateText + "' (for " + milestoneId + ") is not a date: write it 2021-09-30 or 30/09/2021");
                    continue;
                }
                if (dates.put(milestoneId, date) != null) {
                    error(row, ImportColumn.REVISED_DATES, "Milestone " + milestoneId + " is given two revised dates");
                }
            }
            return dates;
        }

        private static String milestoneIds(Activity activity) {
            return activity.getMilestones().stream().map(Milestone::id).collect(Collectors.joining(", "));
        }

        private static LocalDate date(String text) {
            try {
                return LocalDate.parse(text);
            } catch (DateTimeParseException notIso) {
                try {
                    return LocalDate.parse(text, UK_DATE);
                } catch (DateTimeParseException notUk) {
                    return null;
                }
            }
        }

        private static List<String> changedFields(ProgressUpdate previous, CheckedReport report) {
            List<String> changed = new ArrayList<>();
            if (!report.status().label().equalsIgnoreCase(previous.getStatus())) {
                changed.add("status");
            }
            if (!sameText(previous.getCommentary(), report.commentary())) {
                changed.add("commentary");
            }
            if (!sameText(previous.getExplanation(), report.explanation())) {
                changed.add("explanation");
            }
            if (!previous.getMilestones().equals(report.milestones())) {
                changed.add("milestones");
            }
            return changed;
        }

        private static boolean sameText(String a, String b) {
            return Objects.equals(a == null ? "" : a.strip(), b == null ? "" : b.strip());
        }

        private static ImportColumn columnOf(String field) {
            if (field == null) {
                return ImportColumn.ACTIVITY_REF;
            }
            return switch (field) {
                case "status" -> ImportColumn.STATUS;
                case "commentary" -> ImportColumn.COMMENTARY;
                case "explanation" -> ImportColumn.EXPLANATION;
                default -> field.startsWith("milestones") ? ImportColumn.REVISED_DATES : ImportColumn.ACTIVITY_REF;
            };
        }

        private String cell(Sheet.Row row, ImportColumn column) {
            return layout.cell(row, column);
        }

        private void error(Sheet.Row row, ImportColumn column, String message) {
            String letter = layout.letter(column);
            String header = letter == null ? column.header() : sheet.header().get(layout.positions().get(column)).strip();
            errors.add(new ImportError(row.number(), letter, header, message));
        }

        ProgressImportReport report(boolean preview, boolean valid, boolean applied) {
            Map<Change, Long> counts = outcomes.stream().collect(Collectors.groupingBy(RowOutcome::change, Collectors.counting()));
            return new ProgressImportReport(plan.getId(), period.toString(), sheet.format(), fileName, preview, valid, applied,
                    new ProgressImportReport.Counts(sheet.rows().size(), count(counts, Change.NEW), count(counts, Change.CORRECTION),
                            count(counts, Change.UNCHANGED), count(counts, Change.SKIPPED)),
                    outcomes, errors, layout.ignored());
        }

        private static int count(Map<Change, Long> counts, Change change) {
            return counts.getOrDefault(change, 0L).intValue();
        }
    }
}
