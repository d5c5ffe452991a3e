package org.civicgraph.platform.security;

import org.springframework.security.access.AccessDeniedException;

/**
 * The ownership rules every service applies to its own records: anyone may read public records, signed-in users
 * may read internal ones, and only editors or admins of the owning organisation may change a record.
 */
public final class RecordAccess {

    private RecordAccess() {
    }

    public static boolean canEdit(Caller caller, String ownerOrganisation) {
        return caller.belongsTo(ownerOrganisation) && (caller.has(Role.EDITOR) || caller.has(Role.ADMIN));
    }

    /** Throws unless the current caller may change records owned by the given organisation. */
    public static Caller requireCanEdit(String ownerOrganisation) {
        Caller caller = requireSignedIn();
        if (!canEdit(caller, ownerOrganisation)) {
            throw new AccessDeniedException("Only an editor or admin of " + ownerOrganisation
                    + " may change this record; you are signed in for " + caller.organisation()
                    + " with roles " + caller.roles());
        }
        return caller;
    }

    /** Throws unless the current caller is an admin of the given organisation. */
    public static Caller requireAdminOf(String organisation) {
        Caller caller = requireSignedIn();
        if (!caller.belongsTo(organisation) || !caller.has(Role.ADMIN)) {
            throw new AccessDeniedException("Only an admin of " + organisation + " may do this");
        }
        return caller;
    }

    /** Throws unless someone is signed in: internal records are not for anonymous callers. */
    public static Caller requireSignedIn() {
        Caller caller = Caller.current();
        if (!caller.isSignedIn()) {
            throw new AccessDeniedException("Sign in to see or change this");
        }
        return caller;
    }
}
