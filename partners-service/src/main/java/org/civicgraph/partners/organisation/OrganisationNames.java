package org.civicgraph.partners.organisation;

import java.text.Normalizer;
import java.util.Locale;

/** Folds a name so that case, punctuation and "&" versus "and" do not stop a match. */
final class OrganisationNames {

    private OrganisationNames() {
    }

    static String normalise(String name) {
        String folded = Normalizer.normalize(name, Normalizer.Form.NFKD).toLowerCase(Locale.ROOT)
                .replace("&", " and ")
                .replaceAll("[^a-z0-9 ]", " ")
                .replaceAll("\\s+", " ")
                .trim();
        return folded;
    }
}
