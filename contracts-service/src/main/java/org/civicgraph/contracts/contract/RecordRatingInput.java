package org.civicgraph.contracts.contract;

/** A new performance rating; scale and rating are names checked against the contract's scale. */
record RecordRatingInput(String id, String scale, String rating, String ratedOn, String correctiveMeasures) {
}
