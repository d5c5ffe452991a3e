package org.civicgraph.plans.plan;

import org.civicgraph.plans.period.ReportingPeriod;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A reporting period of a plan that closed with activities lacking a published update for it, to be announced once.
 *
 * @param updatesDueBy the last day updates were expected: the quarter's last day and the reporting days after it
 * @param closedOn     the day after that
 * @param announcedOn  the day of the look that announces it, later than {@code closedOn} after downtime
 * @param activities   how many activities the plan has
 * @param missing      the activities without a published update for the period, in reference order
 * @param maxListed    how many of them the event names at most; it always gives their count
 */
public record ClosedPeriod(ReportingPeriod period, LocalDate updatesDueBy, LocalDate closedOn, LocalDate announcedOn,
                           int activities, List<MissingUpdate> missing, int maxListed) {

    public ClosedPeriod {
        missing = List.copyOf(missing);
    }

    /**
     * @param awaitingApproval whether a draft for the period waits for an admin of the owner to publish it
     */
    public record MissingUpdate(String activityId, String reference, String leadOrganisation, boolean awaitingApproval) {

        Map<String, Object> eventData() {
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("activityId", activityId);
            data.put("reference", reference);
            data.put("leadOrganisation", leadOrganisation);
            data.put("awaitingApproval", awaitingApproval);
            return data;
        }
    }
}
