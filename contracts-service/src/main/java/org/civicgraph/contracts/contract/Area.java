package org.civicgraph.contracts.contract;

/**
 * The indicators service's area as this subgraph knows it: by ONS GSS code only, to hang the contracts serving it on.
 * Named as the federated type is, so that {@code _entities} resolves it.
 */
record Area(String code) {
}
