package org.civicgraph.contracts.contract;

import java.util.List;

/**
 * One line of the demo data's table of provider names: a name exactly as a report writes it, and the partner-directory
 * organisations it stands for, each matched by hand from the directory and explained in the note. A name not in the
 * table stays unresolved; nothing is matched by similarity.
 *
 * @param complete false when the name also covers providers the directory does not hold ("... and small contracts")
 */
record ProviderAlias(String writtenAs, List<String> organisationIds, boolean complete, String note) {

    ProviderResolution resolution() {
        return complete ? ProviderResolution.RESOLVED : ProviderResolution.PARTLY_RESOLVED;
    }
}
