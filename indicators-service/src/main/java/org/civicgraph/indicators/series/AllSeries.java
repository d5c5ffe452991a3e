package org.civicgraph.indicators.series;

import org.springframework.data.mongodb.repository.MongoRepository;

interface AllSeries extends MongoRepository<Series, String> {
}
