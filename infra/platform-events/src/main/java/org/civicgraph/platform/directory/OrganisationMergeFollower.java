package org.civicgraph.platform.directory;

import java.util.Map;

/**
 * Something in a service that names partner-directory organisations and follows their merges: where it names the merged
 * organisation it names the survivor from then on, as a recorded change of its own records. Owners are not followed:
 * who may change a record moves only by a deliberate act, never as a side effect of a merge.
 */
public interface OrganisationMergeFollower {

    /**
     * Replaces the merged organisation's id with the survivor's; following the same merge again changes nothing.
     *
     * @param changedBy who the change is recorded as made by: the partner directory
     * @param because   what prompted it, for the change's event: the directory's event id and type, the two ids
     * @return how many records changed
     */
    int followMerge(String mergedId, String survivorId, String changedBy, Map<String, Object> because);
}
