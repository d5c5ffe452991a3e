package org.civicgraph.plans.plan;

import java.util.List;

record CreatePlanInput(String id, String ownerOrganisation, String title, PlanKind kind, String period, String periodNote,
                       String themeLabel, String objectiveLabel, List<String> areas, Visibility visibility, List<Theme> themes,
                       List<RagStatus> ragScale, boolean partnersMayReport, ReferenceScope referenceScope,
                       boolean requiresApproval) {

    CreatePlanInput {
        ragScale = ragScale == null || ragScale.isEmpty() ? RagScale.DEFAULT.statuses() : ragScale;
        referenceScope = referenceScope == null ? ReferenceScope.PLAN : referenceScope;
    }
}
