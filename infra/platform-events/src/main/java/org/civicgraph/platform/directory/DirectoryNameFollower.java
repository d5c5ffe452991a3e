package org.civicgraph.platform.directory;

import java.util.Map;

/**
 * Something in a service that matches names as its sources write them to partner-directory organisations, and tries
 * again when the directory gains a name: an organisation renamed or given another name (an abbreviation, say). What was
 * left unmatched may be matched now; what is still not a confident match stays unmatched.
 */
public interface DirectoryNameFollower {

    /**
     * @param organisationId the organisation that gained a name
     * @param changedBy      who any change is recorded as made by: the partner directory
     * @param because        what prompted it, for the change's event: the directory's event id and type, the organisation
     */
    void directoryGainedName(String organisationId, String changedBy, Map<String, Object> because);
}
