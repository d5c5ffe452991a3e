package org.civicgraph.plans.activity;

import java.util.List;

/** A new activity as checked by {@link ActivityInputRules}: keys resolved, dates read, milestones numbered. */
record ActivityDraft(String planId, String reference, String referenceYear, List<FormerReference> formerReferences,
                     String themeKey, String objectiveKey, String description, String leadOrganisation,
                     List<String> partnerOrganisations, List<String> areas, List<String> outputs,
                     List<String> successMeasureIndicators, List<Milestone> milestones, String note) {
}
