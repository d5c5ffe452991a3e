package org.civicgraph.indicators.indicator;

import org.civicgraph.platform.demo.DemoDataLoader;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Defines the fifteen "levelling up" indicators and the life-course measures of the district strategy (seed 003,
 * section 6) and the Appendix A performance measures of the county's commissioning report (seed 002).
 */
@Component
@Order(IndicatorDemoData.ORDER)
@ConditionalOnProperty(name = "civicgraph.demo-data.enabled", havingValue = "true")
class IndicatorDemoData extends DemoDataLoader<DefineIndicatorInput> {

    /** After the areas, before the values that refer to both. */
    static final int ORDER = 100;
    static final String DEFINED_BY = "demo-data";

    private final IndicatorCatalogue catalogue;

    IndicatorDemoData(IndicatorCatalogue catalogue) {
        super("demo/indicators.json", DefineIndicatorInput.class);
        this.catalogue = catalogue;
    }

    @Override
    protected boolean hasData() {
        return catalogue.count() > 0;
    }

    @Override
    protected void importRecord(DefineIndicatorInput record) {
        catalogue.add(record, DEFINED_BY);
    }
}
