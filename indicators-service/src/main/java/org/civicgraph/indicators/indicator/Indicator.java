package org.civicgraph.indicators.indicator;

import org.civicgraph.platform.events.AggregateRoot;
import org.civicgraph.platform.events.FieldChanges;
import org.springframework.data.mongodb.core.mapping.Document;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The definition of something measured for areas, such as "Gross median weekly pay" in pounds where higher is
 * good, identified by a slug. Its owning organisation's editors maintain it and publish its values.
 */
@Document("indicators")
public class Indicator extends AggregateRoot {

    static final String DEFINED = "org.civicgraph.indicators.indicator.defined.v1";
    static final String UPDATED = "org.civicgraph.indicators.indicator.updated.v1";

    private String name;
    private Unit unit;
    private Polarity polarity;
    private String source;
    private LifeStage lifeStage;
    private List<LeverArea> leverAreas = List.of();
    private String ownerOrganisation;

    Indicator() {
    }

    static Indicator define(DefineIndicatorInput input, String definedBy) {
        Indicator indicator = new Indicator();
        indicator.id = input.id();
        indicator.name = input.name();
        indicator.unit = input.unit();
        indicator.polarity = input.polarity();
        indicator.source = input.source();
        indicator.lifeStage = input.lifeStage();
        indicator.leverAreas = input.leverAreas() == null ? List.of() : List.copyOf(input.leverAreas());
        indicator.ownerOrganisation = input.ownerOrganisation();
        Map<String, Object> data = new LinkedHashMap<>(); // not Map.of: source and life stage may be null
        data.put("id", indicator.id);
        data.put("name", indicator.name);
        data.put("unit", indicator.unit.name());
        data.put("polarity", indicator.polarity.name());
        data.put("source", indicator.source);
        data.put("lifeStage", indicator.lifeStage == null ? null : indicator.lifeStage.name());
        data.put("leverAreas", indicator.leverAreas.stream().map(Enum::name).toList());
        data.put("ownerOrganisation", indicator.ownerOrganisation);
        data.put("definedBy", definedBy);
        indicator.recordEvent(DEFINED, subject(indicator.id), data);
        return indicator;
    }

    /** Applies the fields given; returns whether anything changed. */
    boolean update(UpdateIndicatorInput input, String changedBy) {
        FieldChanges changes = new FieldChanges();
        name = changes.setIfGiven("name", name, input.name());
        unit = changes.setIfGiven("unit", unit, input.unit());
        polarity = changes.setIfGiven("polarity", polarity, input.polarity());
        source = changes.setIfGiven("source", source, input.source());
        lifeStage = changes.setIfGiven("lifeStage", lifeStage, input.lifeStage());
        if (input.leverAreas() != null) {
            leverAreas = changes.set("leverAreas", leverAreas, List.copyOf(input.leverAreas()));
        }
        if (changes.isEmpty()) {
            return false;
        }
        recordEvent(UPDATED, subject(id), changes.eventData("id", id, changedBy));
        return true;
    }

    private static String subject(String id) {
        return "indicators/" + id;
    }

    public String getName() {
        return name;
    }

    public Unit getUnit() {
        return unit;
    }

    public Polarity getPolarity() {
        return polarity;
    }

    public String getSource() {
        return source;
    }

    public LifeStage getLifeStage() {
        return lifeStage;
    }

    public List<LeverArea> getLeverAreas() {
        return leverAreas;
    }

    public String getOwnerOrganisation() {
        return ownerOrganisation;
    }
}
