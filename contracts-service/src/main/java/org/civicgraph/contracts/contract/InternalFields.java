package org.civicgraph.contracts.contract;

import org.civicgraph.platform.security.Caller;

/**
 * Who may see a contract's internal fields (commercial notes, corrective measures): signed-in users, as the platform
 * treats internal records. Anonymous callers see the public register only, whichever way they reach it.
 */
final class InternalFields {

    private InternalFields() {
    }

    static <T> T forCurrentCaller(T value) {
        return Caller.current().isSignedIn() ? value : null;
    }
}
