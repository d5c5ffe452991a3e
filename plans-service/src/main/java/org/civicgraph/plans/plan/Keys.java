package org.civicgraph.plans.plan;

import java.util.Locale;

/** Stable keys derived from titles, for themes that were given none. */
final class Keys {

    static final int MAX_LENGTH = 60;

    private Keys() {
    }

    /** "Housing and homelessness" becomes {@code housing-and-homelessness}, cut at a hyphen to at most 60 characters. */
    static String slug(String title) {
        String slug = (title == null ? "" : title).toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-+|-+$)", "");
        if (slug.length() > MAX_LENGTH) {
            int cut = slug.lastIndexOf('-', MAX_LENGTH);
            slug = slug.substring(0, cut > 0 ? cut : MAX_LENGTH);
        }
        return slug;
    }
}
