package org.civicgraph.platform.events;

import org.springframework.dao.OptimisticLockingFailureException;

import java.util.function.Supplier;

/**
 * Runs a load-change-save step again when another writer (a user, or the outbox relay removing published events)
 * changed the document in between. The step must load the aggregate afresh each time.
 */
public final class ConflictRetry {

    private static final int ATTEMPTS = 5;

    private ConflictRetry() {
    }

    public static <T> T run(Supplier<T> loadChangeSave) {
        for (int attempt = 1; ; attempt++) {
            try {
                return loadChangeSave.get();
            } catch (OptimisticLockingFailureException conflict) {
                if (attempt == ATTEMPTS) {
                    throw conflict;
                }
            }
        }
    }
}
