package org.civicgraph.contracts.contract;

/** What kind of term the written words describe, once interpreted. */
public enum TermKind {
    /** A fixed base period, perhaps with extension options; some dates may be unknown. */
    FIXED,
    /** Runs until someone ends it ("Ongoing"); no end date. */
    ONGOING,
    /** Spot purchases that last as long as each person's needs ("Linked to individual needs of child"). */
    NEEDS_LED,
    /** Only a ceiling is known ("Up to 10 Years"). */
    UP_TO_MAXIMUM,
    /** The words could not be interpreted; someone must read them. */
    FLAGGED
}
