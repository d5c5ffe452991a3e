package org.civicgraph.partners.organisation;

import java.util.List;

/** A unit to add, named by its slug within the organisation. */
record NewUnit(String slug, String name, List<String> otherNames) {

    NewUnit {
        otherNames = otherNames == null ? List.of() : List.copyOf(otherNames);
    }
}
