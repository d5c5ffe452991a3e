package org.civicgraph.partners.resolution;

/**
 * RESOLVED: one partner scores at least the threshold with a clear margin over the next. AMBIGUOUS: more than one
 * partner is that close. UNKNOWN: none reaches the threshold (weaker candidates may still be listed).
 */
enum ResolutionStatus {
    RESOLVED, AMBIGUOUS, UNKNOWN
}
