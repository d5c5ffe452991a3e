package org.civicgraph.indicators.series;

import org.civicgraph.indicators.ListPages;
import org.civicgraph.indicators.area.Area;
import org.civicgraph.indicators.area.AreaRegister;
import org.civicgraph.indicators.indicator.Indicator;
import org.civicgraph.indicators.indicator.IndicatorCatalogue;
import org.civicgraph.platform.graphql.FederatedEntities;
import org.civicgraph.platform.graphql.PageRequests;
import org.springframework.data.domain.Window;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.query.ScrollSubrange;
import org.springframework.stereotype.Controller;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;

@Controller
class SeriesController {

    private final SeriesLedger ledger;
    private final IndicatorCatalogue indicators;
    private final AreaRegister areas;
    private final PageRequests pages;

    SeriesController(SeriesLedger ledger, IndicatorCatalogue indicators, AreaRegister areas, PageRequests pages) {
        this.ledger = ledger;
        this.indicators = indicators;
        this.areas = areas;
        this.pages = pages;
    }

    /** Newest period first. */
    @QueryMapping
    Window<PublishedValue> indicatorValues(@Argument String indicatorId, @Argument String areaCode, ScrollSubrange subrange) {
        List<PublishedValue> values = new ArrayList<>(ledger.find(indicatorId, areaCode).map(Series::values).orElse(List.of()));
        Collections.reverse(values);
        return ListPages.page(values, pages.position(subrange), pages.size(subrange));
    }

    @QueryMapping
    Window<Target> indicatorTargets(@Argument TargetFilter filter, ScrollSubrange subrange) {
        return ListPages.page(ledger.targets(filter == null ? TargetFilter.NONE : filter), pages.position(subrange), pages.size(subrange));
    }

    @MutationMapping
    PublishPayload publishIndicatorValue(@Argument PublishValueInput input) {
        SeriesLedger.Published published = ledger.publish(input);
        return new PublishPayload(published.value(), published.outcome());
    }

    @MutationMapping
    TargetPayload setIndicatorTarget(@Argument SetTargetInput input) {
        return new TargetPayload(ledger.setTarget(input));
    }

    @BatchMapping(typeName = "IndicatorValue", field = "indicator")
    List<Indicator> valueIndicators(List<PublishedValue> values) {
        return indicatorsOf(values.stream().map(PublishedValue::indicatorId).toList());
    }

    @BatchMapping(typeName = "IndicatorValue", field = "area")
    List<Area> valueAreas(List<PublishedValue> values) {
        List<String> codes = values.stream().map(PublishedValue::areaCode).toList();
        return FederatedEntities.inRequestedOrder(codes, areas.findAll(Set.copyOf(codes)), Area::getCode);
    }

    @BatchMapping(typeName = "Target", field = "indicator")
    List<Indicator> targetIndicators(List<Target> targets) {
        return indicatorsOf(targets.stream().map(Target::indicatorId).toList());
    }

    private List<Indicator> indicatorsOf(List<String> ids) {
        return FederatedEntities.inRequestedOrder(ids, indicators.findAll(Set.copyOf(ids)), Indicator::getId);
    }

    /** What publishIndicatorValue returns. */
    record PublishPayload(PublishedValue value, PublishOutcome outcome) {
    }

    /** What setIndicatorTarget returns. */
    record TargetPayload(Target target) {
    }
}
