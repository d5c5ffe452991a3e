package org.civicgraph.indicators.area;

import org.civicgraph.platform.demo.DemoDataFile;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/** Loads England, the East Midlands, Lincolnshire and Leicestershire and their districts into an empty register. */
@Component
@ConditionalOnProperty(name = "civicgraph.demo-data.enabled", havingValue = "true")
class AreaDemoData implements ApplicationRunner {

    static final String REGISTERED_BY = "demo-data";

    private final AreaRegister register;

    AreaDemoData(AreaRegister register) {
        this.register = register;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (register.count() > 0) {
            return;
        }
        // The file lists every parent before its children, as registration requires.
        new DemoDataFile<>("demo/areas.json", RegisterAreaInput.class).importEach(area -> register.add(area, REGISTERED_BY));
    }
}
