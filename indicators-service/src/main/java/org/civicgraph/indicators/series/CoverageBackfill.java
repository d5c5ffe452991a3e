package org.civicgraph.indicators.series;

import org.civicgraph.indicators.indicator.IndicatorCatalogue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Lists the series stored before {@link AreaCoverage} was kept, and judges their standing and red-red state, once,
 * at start-up and before any demo data.
 */
@Component
@Order(-100)
class CoverageBackfill implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(CoverageBackfill.class);

    private final SeriesCoverage coverage;
    private final SeriesLedger ledger;
    private final Standings standings;
    private final IndicatorCatalogue catalogue;

    CoverageBackfill(SeriesCoverage coverage, SeriesLedger ledger, Standings standings, IndicatorCatalogue catalogue) {
        this.coverage = coverage;
        this.ledger = ledger;
        this.standings = standings;
        this.catalogue = catalogue;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (coverage.isEmpty() && ledger.hasSeries()) {
            log.info("Listing the indicators of each area from the stored series, and judging each against the watched benchmark");
            coverage.rebuild();
            catalogue.all().values().forEach(standings::rejudgeAll);
        }
    }
}
