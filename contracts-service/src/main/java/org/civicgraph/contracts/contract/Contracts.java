package org.civicgraph.contracts.contract;

import org.springframework.data.mongodb.repository.MongoRepository;

interface Contracts extends MongoRepository<Contract, String> {
}
