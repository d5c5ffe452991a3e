package org.civicgraph.indicators.area;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.repository.MongoRepository;

import java.util.Collection;
import java.util.List;

interface Areas extends MongoRepository<Area, String> {

    List<Area> findByParentCodeIn(Collection<String> parentCodes, Sort sort);
}
