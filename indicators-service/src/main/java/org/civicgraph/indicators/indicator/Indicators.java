package org.civicgraph.indicators.indicator;

import org.springframework.data.mongodb.repository.MongoRepository;

interface Indicators extends MongoRepository<Indicator, String> {
}
