package org.civicgraph.contracts.organisation;

/**
 * The partner directory's organisation as this subgraph knows it: by id, with the contracts it provides hung on it and
 * its current directory name beside the names records keep as written. Named as the federated type is, so that
 * {@code _entities} resolves it.
 */
public record Organisation(String id) {

    /** The organisation of the id; null for none. */
    public static Organisation of(String id) {
        return id == null ? null : new Organisation(id);
    }
}
