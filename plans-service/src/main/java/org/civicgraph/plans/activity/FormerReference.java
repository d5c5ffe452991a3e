package org.civicgraph.plans.activity;

/**
 * A reference the activity had in an earlier numbering of the plan: Lincolnshire's 2020/21 reports call the
 * graduate-retention activity A4, its 2021/22 reports A2.
 *
 * @param financialYear the year of that numbering, such as 2020/21
 */
public record FormerReference(String reference, String financialYear) {
}
