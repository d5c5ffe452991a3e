package org.civicgraph.contracts.strategy;

import org.springframework.data.mongodb.repository.MongoRepository;

interface CommissioningStrategies extends MongoRepository<CommissioningStrategy, String> {
}
