package org.civicgraph.contracts.strategy;

import java.math.BigDecimal;

/**
 * A contract the strategy relies on (over £1m, or politically sensitive). Term, review date and performance are
 * kept as the report words them, such as {@code 3 + 1 + 1 years (Sep 2022)}; the provider is the name as written.
 *
 * @param value in pounds sterling, when the report gives one
 */
public record KeyContract(String service, String provider, String term, String reviewDate, String performance, BigDecimal value) {
}
