package org.civicgraph.plans.progress;

/** What an import found changed between checking a file and applying it; nothing of the file was applied. */
class ImportConflictException extends RuntimeException {

    ImportConflictException(String message) {
        super(message);
    }
}
