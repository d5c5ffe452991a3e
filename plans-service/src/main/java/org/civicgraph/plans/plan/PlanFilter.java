package org.civicgraph.plans.plan;

/** @param area an ONS GSS code; matches plans that list it among their areas */
record PlanFilter(String ownerOrganisation, String area, PlanKind kind) {

    static final PlanFilter NONE = new PlanFilter(null, null, null);
}
