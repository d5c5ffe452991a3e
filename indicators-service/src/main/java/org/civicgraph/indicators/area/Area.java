package org.civicgraph.indicators.area;

import org.civicgraph.platform.events.AggregateRoot;
import org.civicgraph.platform.events.FieldChanges;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A statistical or administrative area, identified by its ONS GSS code such as {@code E07000136} (Boston), within
 * its parent area. Areas are reference data that every organisation shares.
 */
@Document("areas")
public class Area extends AggregateRoot {

    static final String REGISTERED = "org.civicgraph.indicators.area.registered.v1";
    static final String RENAMED = "org.civicgraph.indicators.area.renamed.v1";

    private String name;
    private AreaType type;
    @Indexed
    private String parentCode;

    Area() {
    }

    static Area register(String code, String name, AreaType type, String parentCode, String registeredBy) {
        Area area = new Area();
        area.id = code;
        area.name = name;
        area.type = type;
        area.parentCode = parentCode;
        Map<String, Object> data = new LinkedHashMap<>(); // not Map.of: a country has no parent code
        data.put("code", code);
        data.put("name", name);
        data.put("type", type.name());
        data.put("parentCode", parentCode);
        data.put("registeredBy", registeredBy);
        area.recordEvent(REGISTERED, subject(code), data);
        return area;
    }

    /** Renames the area and records the old and new name; returns whether the name changed. */
    boolean rename(String newName, String changedBy) {
        FieldChanges changes = new FieldChanges();
        name = changes.set("name", name, newName);
        if (changes.isEmpty()) {
            return false;
        }
        recordEvent(RENAMED, subject(id), changes.eventData("code", id, changedBy));
        return true;
    }

    private static String subject(String code) {
        return "areas/" + code;
    }

    public String getCode() {
        return id;
    }

    public String getName() {
        return name;
    }

    public AreaType getType() {
        return type;
    }

    public String getParentCode() {
        return parentCode;
    }
}
