package org.civicgraph.partners.organisation;

import org.springframework.data.mongodb.repository.MongoRepository;

interface Organisations extends MongoRepository<Organisation, String> {
}
