package org.civicgraph.plans.activity;

import java.util.List;

/** Checked changes to an activity; a null field is left as it is. The theme follows the objective. */
record ActivityChanges(String objectiveKey, String themeKey, String description, String leadOrganisation,
                       List<String> partnerOrganisations, List<String> areas, List<String> outputs,
                       List<String> successMeasureIndicators, String note) {
}
