package org.civicgraph.partners.organisation;

import org.civicgraph.partners.PartnersProperties;
import org.civicgraph.platform.security.Caller;
import org.civicgraph.platform.security.RecordAccess;
import org.civicgraph.platform.security.Role;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * Who may change the directory: an organisation's record is changed only by its own admins or by platform admins
 * (admins of the platform organisation); registering a new organisation is for platform admins. Reading the public
 * directory needs nothing; named contacts need a signed-in caller.
 */
@Component
public class OrganisationAccess {

    private final String platformOrganisation;

    OrganisationAccess(PartnersProperties properties) {
        this.platformOrganisation = properties.platformOrganisation();
    }

    Caller requireCanChange(String organisationId) {
        Caller caller = RecordAccess.requireSignedIn();
        if (!mayChange(caller, organisationId)) {
            throw new AccessDeniedException("Only an admin of " + organisationId + " or a platform admin may change this organisation;"
                    + " you are signed in for " + caller.organisation() + " with roles " + caller.roles());
        }
        return caller;
    }

    Caller requirePlatformAdmin() {
        Caller caller = RecordAccess.requireSignedIn();
        if (!isPlatformAdmin(caller)) {
            throw new AccessDeniedException("Only a platform admin (an admin of " + platformOrganisation + ") may do this");
        }
        return caller;
    }

    static boolean mayReadInternal() {
        return Caller.current().isSignedIn();
    }

    /** Whether the caller is a platform admin or an admin of the organisation. */
    public boolean mayChange(Caller caller, String organisationId) {
        return isPlatformAdmin(caller) || (organisationId != null && caller.belongsTo(organisationId) && caller.has(Role.ADMIN));
    }

    public boolean isPlatformAdmin(Caller caller) {
        return caller.belongsTo(platformOrganisation) && caller.has(Role.ADMIN);
    }
}
