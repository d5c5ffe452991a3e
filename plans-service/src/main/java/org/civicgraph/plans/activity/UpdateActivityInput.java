package org.civicgraph.plans.activity;

import java.util.List;

/** The changes asked for; a null field is left as it is. Moving to another objective moves the activity to that objective's theme. */
record UpdateActivityInput(String id, String objective, String description, String leadOrganisation,
                           List<String> partnerOrganisations, List<String> areas, List<String> outputs,
                           List<String> successMeasureIndicators, String note) {
}
