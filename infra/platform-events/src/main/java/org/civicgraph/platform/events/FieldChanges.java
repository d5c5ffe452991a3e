package org.civicgraph.platform.events;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What a change did to an aggregate's fields, old and new value each, written as text (enum names, ISO dates)
 * and possibly null. The event data of every update carries it, so subscribers and the history see what changed.
 *
 * <pre>
 * FieldChanges changes = new FieldChanges();
 * title = changes.setIfGiven("title", title, newTitle);
 * if (!changes.isEmpty()) recordEvent(UPDATED, subject, changes.eventData("id", id, changedBy));
 * </pre>
 */
public final class FieldChanges {

    private final Map<String, Map<String, String>> changes = new LinkedHashMap<>();

    /** Notes the field if the value differs; returns the new value. */
    public <T> T set(String field, T oldValue, T newValue) {
        if (!Objects.equals(oldValue, newValue)) {
            Map<String, String> change = new LinkedHashMap<>();
            change.put("old", oldValue == null ? null : oldValue.toString());
            change.put("new", newValue == null ? null : newValue.toString());
            changes.put(field, change);
        }
        return newValue;
    }

    /** Like {@link #set}, where a null proposal means "leave the field as it is". */
    public <T> T setIfGiven(String field, T current, T proposed) {
        return proposed == null ? current : set(field, current, proposed);
    }

    public boolean isEmpty() {
        return changes.isEmpty();
    }

    /** {@code {<idField>: id, changedBy, changes: {field: {old, new}}}} */
    public Map<String, Object> eventData(String idField, String id, String changedBy) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put(idField, id);
        data.put("changedBy", changedBy);
        data.put("changes", changes);
        return data;
    }
}
