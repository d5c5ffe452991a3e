package org.civicgraph.plans.plan;

import org.springframework.data.mongodb.repository.MongoRepository;

interface Plans extends MongoRepository<Plan, String> {
}
