package org.civicgraph.indicators.series;

import org.springframework.data.mongodb.repository.MongoRepository;

import java.util.Collection;
import java.util.List;

interface AllSeries extends MongoRepository<Series, String> {

    List<Series> findByAreaCodeIn(Collection<String> areaCodes);

    List<Series> findByIndicatorIdInAndAreaCodeIn(Collection<String> indicatorIds, Collection<String> areaCodes);
}
