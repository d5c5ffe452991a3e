package org.civicgraph.plans.plan;

/**
 * One status of a plan's RAG scale, as the plan defines it: Lincolnshire's "Green" means ahead of plan, another
 * council's "Green" means on track.
 *
 * @param colour     {@code #RRGGBB}
 * @param behindPlan whether an activity with this status is behind plan, which obliges its update to explain why
 */
public record RagStatus(String label, String colour, String meaning, boolean behindPlan) {
}
