package org.civicgraph.indicators.area;

import org.civicgraph.platform.demo.DemoDataLoader;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** Loads England, the East Midlands, Lincolnshire and Leicestershire and their districts into an empty register. */
@Component
@Order(0) // first: indicator values refer to areas
@ConditionalOnProperty(name = "civicgraph.demo-data.enabled", havingValue = "true")
class AreaDemoData extends DemoDataLoader<RegisterAreaInput> {

    static final String REGISTERED_BY = "demo-data";

    private final AreaRegister register;

    AreaDemoData(AreaRegister register) {
        super("demo/areas.json", RegisterAreaInput.class);
        this.register = register;
    }

    @Override
    protected boolean hasData() {
        return register.count() > 0;
    }

    @Override
    protected void importRecord(RegisterAreaInput record) {
        // The file lists every parent before its children, as registration requires.
        register.add(record, REGISTERED_BY);
    }
}
