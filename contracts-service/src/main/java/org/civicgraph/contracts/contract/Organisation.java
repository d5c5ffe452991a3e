package org.civicgraph.contracts.contract;

/**
 * The partner directory's organisation as this subgraph knows it: by id only, to hang the contracts it provides on.
 * Named as the federated type is, so that {@code _entities} resolves it.
 */
record Organisation(String id) {
}
