package org.civicgraph.partners.partnership;

import org.springframework.data.mongodb.repository.MongoRepository;

interface Partnerships extends MongoRepository<Partnership, String> {
}
