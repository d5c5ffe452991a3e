package org.civicgraph.plans.progress;

import org.civicgraph.plans.activity.Activity;
import org.civicgraph.plans.activity.Milestone;
import org.civicgraph.plans.activity.MilestoneProgress;
import org.civicgraph.plans.period.Dates;
import org.civicgraph.plans.period.ReportingPeriod;
import org.civicgraph.plans.plan.Plan;
import org.civicgraph.plans.plan.RagStatus;
import org.civicgraph.platform.graphql.InvalidInputException;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** What a progress report must say, judged by the plan's own scale and period; each failure names the field at fault. */
final class ProgressInputRules {

    static final int MAX_TEXT = 10_000;
    private static final int MAX_REASON = 2000;

    private ProgressInputRules() {
    }

    /** The quarter, which must lie within the plan's period where the period is a year range. */
    static ReportingPeriod period(String text, Plan plan) {
        ReportingPeriod period = Dates.period("period", text);
        plan.reportingWindow().filter(window -> !window.contains(period)).ifPresent(window -> {
            throw new InvalidInputException("period", period + " is outside the plan's period " + plan.getPeriod()
                    + ": it reports on " + window);
        });
        return period;
    }

    static CheckedReport report(Plan plan, Activity activity, String statusLabel, String commentary, String explanation,
                                List<MilestoneProgressInput> milestones) {
        RagStatus status = plan.scale().find(statusLabel).orElseThrow(() -> new InvalidInputException("status",
                "'" + statusLabel + "' is not on the RAG scale of " + plan.getId() + ": use one of " + plan.scale().labels()));
        requireText("commentary", commentary);
        requireText("explanation", explanation);
        if (status.behindPlan() && (explanation == null || explanation.isBlank())) {
            throw new InvalidInputException("explanation", status.label() + " means " + status.meaning()
                    + " on this plan's scale, which is behind plan: explain the performance and what is being done about it");
        }
        return new CheckedReport(status, blankToNull(commentary), blankToNull(explanation), milestones(activity, milestones));
    }

    static String reason(String reason) {
        if (reason == null || reason.isBlank()) {
            throw new InvalidInputException("reason", "A correction must say why the update it corrects was wrong");
        }
        if (reason.length() > MAX_REASON) {
            throw new InvalidInputException("reason", "reason may be at most " + MAX_REASON + " characters");
        }
        return reason.strip();
    }

    private static List<MilestoneProgress> milestones(Activity activity, List<MilestoneProgressInput> milestones) {
        List<MilestoneProgress> checked = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < milestones.size(); i++) {
            MilestoneProgressInput milestone = milestones.get(i);
            String field = "milestones[" + i + "]";
            if (milestone.milestoneId() == null || activity.milestone(milestone.milestoneId()).isEmpty()) {
                throw new InvalidInputException(field + ".milestoneId", "Activity " + activity.getReference() + " has no milestone '"
                        + milestone.milestoneId() + "'; its milestones are "
                        + activity.getMilestones().stream().map(Milestone::id).collect(Collectors.joining(", ")));
            }
            if (!seen.add(milestone.milestoneId())) {
                throw new InvalidInputException(field + ".milestoneId", "Milestone " + milestone.milestoneId() + " appears twice");
            }
            checked.add(new MilestoneProgress(milestone.milestoneId(), milestone.status(),
                    Dates.parse(field + ".revisedDueDate", milestone.revisedDueDate())));
        }
        return checked;
    }

    private static void requireText(String field, String text) {
        if (text != null && text.length() > MAX_TEXT) {
            throw new InvalidInputException(field, field + " may be at most " + MAX_TEXT + " characters; it has " + text.length());
        }
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }
}
