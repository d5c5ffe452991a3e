package org.civicgraph.partners.group;

import org.springframework.data.domain.ScrollPosition;
import org.springframework.data.domain.Sort;
import org.springframework.data.domain.Window;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

@Service
public class PartnerGroupDirectory {

    private final PartnerGroups groups;
    private final MongoTemplate mongo;

    PartnerGroupDirectory(PartnerGroups groups, MongoTemplate mongo) {
        this.groups = groups;
        this.mongo = mongo;
    }

    public Optional<PartnerGroup> find(String id) {
        return groups.findById(id);
    }

    public List<PartnerGroup> findAll(Collection<String> ids) {
        return ids.isEmpty() ? List.of() : groups.findAllById(ids);
    }

    Window<PartnerGroup> list(ScrollPosition position, int size) {
        return mongo.scroll(new Query().with(Sort.by("normalisedName", "_id")).limit(size).with(position), PartnerGroup.class);
    }

    List<PartnerGroup> subgroupsOf(String id) {
        return groups.findByParentGroupIdOrderByNormalisedName(id);
    }

    PartnerGroup register(PartnerGroup group) {
        return groups.insert(group);
    }

    long count() {
        return groups.count();
    }
}
