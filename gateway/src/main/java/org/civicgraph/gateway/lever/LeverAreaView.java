package org.civicgraph.gateway.lever;

import java.util.Locale;

/**
 * A lever area of the district health and wellbeing strategy (HOUSING_AND_HOMELESSNESS ...) across the services: a
 * plan's theme stands for it when the theme's key is the lever area's name in lower case with hyphens
 * ({@code housing-and-homelessness}), as the strategy's own themes are.
 */
record LeverAreaView(String area, String areaCode) {

    String themeKey() {
        return area.toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
