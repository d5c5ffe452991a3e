package org.civicgraph.indicators.series;

import org.civicgraph.indicators.indicator.IndicatorCatalogue;
import org.civicgraph.platform.demo.DemoDataLoader;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** Sets the 2017/18 targets of the county's Appendix A measures (seed 002) with the verdicts the report gave. */
@Component
@Order(TargetDemoData.ORDER)
@ConditionalOnProperty(name = "civicgraph.demo-data.enabled", havingValue = "true")
class TargetDemoData extends DemoDataLoader<SetTargetInput> {

    /** After the values the targets are judged on. */
    static final int ORDER = 300;

    private final SeriesLedger ledger;
    private final IndicatorCatalogue indicators;

    TargetDemoData(SeriesLedger ledger, IndicatorCatalogue indicators) {
        super("demo/targets.json", SetTargetInput.class);
        this.ledger = ledger;
        this.indicators = indicators;
    }

    @Override
    protected boolean hasData() {
        return ledger.hasTargets();
    }

    @Override
    protected void importRecord(SetTargetInput record) {
        ledger.addTarget(indicators.require(record.indicatorId(), "indicatorId"), record, SeriesDemoData.PUBLISHED_BY);
    }
}
