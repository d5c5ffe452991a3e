package org.civicgraph.indicators.group;

import org.civicgraph.platform.demo.DemoDataLoader;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** Loads the comparator groups the seeds compare within (the Lincolnshire and Leicestershire districts) into an empty register. */
@Component
@Order(1) // after the areas they list
@ConditionalOnProperty(name = "civicgraph.demo-data.enabled", havingValue = "true")
class ComparatorGroupDemoData extends DemoDataLoader<DefineComparatorGroupInput> {

    private final ComparatorGroupRegister groups;

    ComparatorGroupDemoData(ComparatorGroupRegister groups) {
        super("demo/comparator-groups.json", DefineComparatorGroupInput.class);
        this.groups = groups;
    }

    @Override
    protected boolean hasData() {
        return groups.count() > 0;
    }

    @Override
    protected void importRecord(DefineComparatorGroupInput record) {
        groups.add(record, "demo-data");
    }
}
