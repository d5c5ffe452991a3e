package org.civicgraph.contracts.contract;

/** The scale a contract's performance is rated on. */
public enum RatingScale {
    /** The councils' older scale: Good, Average, Poor, New service, Not rated. */
    LEGACY,
    /** The Procurement Act 2023 scale: Good, Approaching target, Requires improvement, Inadequate. */
    PROCUREMENT_ACT_2023
}
