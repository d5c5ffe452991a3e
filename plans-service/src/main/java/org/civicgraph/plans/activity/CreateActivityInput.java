package org.civicgraph.plans.activity;

import java.util.List;

record CreateActivityInput(String planId, String reference, String referenceYear, List<FormerReference> formerReferences,
                           String objective, String description, String leadOrganisation, List<String> partnerOrganisations,
                           List<String> areas, List<String> outputs, List<String> successMeasureIndicators,
                           List<MilestoneInput> milestones, String note) {

    CreateActivityInput {
        formerReferences = formerReferences == null ? List.of() : formerReferences;
        partnerOrganisations = partnerOrganisations == null ? List.of() : partnerOrganisations;
        outputs = outputs == null ? List.of() : outputs;
        successMeasureIndicators = successMeasureIndicators == null ? List.of() : successMeasureIndicators;
        milestones = milestones == null ? List.of() : milestones;
    }

    /** @param dueDate ISO date; status SCHEDULED when not given */
    record MilestoneInput(String text, String dueDate, MilestoneStatus status) {
    }
}
