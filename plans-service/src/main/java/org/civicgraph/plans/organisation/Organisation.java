package org.civicgraph.plans.organisation;

/**
 * The partner directory's organisation as this subgraph knows it: by id, with its current directory name beside the
 * ids plans keep. Named as the federated type is, so that {@code _entities} resolves it.
 */
record Organisation(String id) {
}
