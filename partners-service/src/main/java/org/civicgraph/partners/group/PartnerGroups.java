package org.civicgraph.partners.group;

import org.springframework.data.mongodb.repository.MongoRepository;

import java.util.List;

interface PartnerGroups extends MongoRepository<PartnerGroup, String> {

    List<PartnerGroup> findByParentGroupIdOrderByNormalisedName(String parentGroupId);
}
