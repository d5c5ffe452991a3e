package org.civicgraph.contracts.contract;

/** How far the provider's name as written has been matched to organisations in the partner directory. */
public enum ProviderResolution {
    /** Every provider the name covers is a known organisation. */
    RESOLVED,
    /** Some are known; the name also covers providers no one has identified ("... and small contracts"). */
    PARTLY_RESOLVED,
    /** No organisation matches the name ("Multiple providers"): flagged for someone to resolve, never guessed. */
    UNRESOLVED
}
