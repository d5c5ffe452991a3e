package org.civicgraph.plans.plan;

import java.util.List;

/**
 * The changes asked for; a null field is left as it is. A new RAG scale replaces the old one whole: updates already
 * reported keep their labels, and reports judge them by the new scale.
 */
record UpdatePlanInput(String id, String title, String period, Visibility visibility, Boolean partnersMayReport,
                       List<RagStatus> ragScale, Boolean requiresApproval) {
}
