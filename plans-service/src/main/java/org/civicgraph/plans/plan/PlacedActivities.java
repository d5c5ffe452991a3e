package org.civicgraph.plans.plan;

import java.util.Collection;

/** How many of a plan's activities sit under some of its themes or objectives; answered by the activities feature. */
public interface PlacedActivities {

    /** How many of the plan's activities sit under one of the themes or one of the objectives (by key). One query. */
    long countUnder(String planId, Collection<String> themeKeys, Collection<String> objectiveKeys);
}
