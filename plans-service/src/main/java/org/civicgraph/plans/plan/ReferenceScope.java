package org.civicgraph.plans.plan;

/**
 * Where an activity reference is unique: across the plan ({@code A9}), or only within its theme, as in a strategy
 * that numbers each lever area's activities from {@code 1.1} again.
 */
public enum ReferenceScope {
    PLAN, THEME
}
