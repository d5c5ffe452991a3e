package org.civicgraph.indicators.series;

import org.civicgraph.indicators.indicator.IndicatorCatalogue;
import org.civicgraph.platform.demo.DemoDataLoader;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Publishes the values of the demo indicators: the "levelling up" position of the seven Lincolnshire districts
 * and England, the life-course measures for Lincolnshire (seed 003, section 6), and the Appendix A actuals (seed 002).
 */
@Component
@Order(SeriesDemoData.ORDER)
@ConditionalOnProperty(name = "civicgraph.demo-data.enabled", havingValue = "true")
class SeriesDemoData extends DemoDataLoader<PublishValueInput> {

    /** After the areas and indicators it refers to. */
    static final int ORDER = 200;
    static final String PUBLISHED_BY = "demo-data";

    private final SeriesLedger ledger;
    private final IndicatorCatalogue indicators;

    SeriesDemoData(SeriesLedger ledger, IndicatorCatalogue indicators) {
        super("demo/values.json", PublishValueInput.class);
        this.ledger = ledger;
        this.indicators = indicators;
    }

    @Override
    protected boolean hasData() {
        return ledger.hasSeries();
    }

    @Override
    protected void importRecord(PublishValueInput record) {
        ledger.record(indicators.require(record.indicatorId(), "indicatorId"), record, PUBLISHED_BY);
    }
}
