package org.civicgraph.partners.partnership;

import org.civicgraph.partners.partner.PartnerKind;
import org.springframework.data.domain.ScrollPosition;
import org.springframework.data.domain.Sort;
import org.springframework.data.domain.Window;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

@Service
public class PartnershipDirectory {

    private final Partnerships partnerships;
    private final MongoTemplate mongo;

    PartnershipDirectory(Partnerships partnerships, MongoTemplate mongo) {
        this.partnerships = partnerships;
        this.mongo = mongo;
    }

    /**
     * The organisations taking part in partnerships on the lever area (any, when null) in the role (any, when null),
     * themselves or through one of their units.
     */
    public Set<String> organisationIdsTakingPart(LeverArea leverArea, PartnerRole role) {
        Query query = new Query();
        if (leverArea != null) {
            query.addCriteria(Criteria.where("leverArea").is(leverArea));
        }
        if (role != null) {
            query.addCriteria(Criteria.where("members.role").is(role));
        }
        Set<String> ids = new LinkedHashSet<>();
        for (Partnership partnership : mongo.find(query, Partnership.class)) {
            partnership.getMembers().stream()
                    .filter(member -> role == null || member.role() == role)
                    .map(member -> member.partner().organisationId())
                    .filter(Objects::nonNull)
                    .forEach(ids::add);
        }
        return ids;
    }

    Optional<Partnership> find(String id) {
        return partnerships.findById(id);
    }

    List<Partnership> findAll(Collection<String> ids) {
        return partnerships.findAllById(ids);
    }

    Window<Partnership> list(LeverArea leverArea, String planId, ScrollPosition position, int size) {
        Query query = new Query().with(Sort.by("name", "_id")).limit(size);
        if (leverArea != null) {
            query.addCriteria(Criteria.where("leverArea").is(leverArea));
        }
        if (planId != null) {
            query.addCriteria(Criteria.where("planId").is(planId));
        }
        return mongo.scroll(query.with(position), Partnership.class);
    }

    /** Where the partners (of one kind) take part; units also take part through their organisation's membership. */
    List<Membership> membershipsOf(PartnerKind kind, Collection<String> ids) {
        Criteria named = Criteria.where("members").elemMatch(Criteria.where("kind").is(kind).and("partnerId").in(ids));
        Query query = Query.query(kind == PartnerKind.UNIT ? new Criteria().orOperator(named, Criteria.where("members.unitIds").in(ids)) : named)
                .with(Sort.by("name"));
        List<Membership> memberships = new ArrayList<>();
        for (Partnership partnership : mongo.find(query, Partnership.class)) {
            for (PartnershipMember member : partnership.getMembers()) {
                boolean itself = member.kind() == kind && ids.contains(member.partnerId());
                boolean throughUnit = kind == PartnerKind.UNIT && member.unitIds().stream().anyMatch(ids::contains);
                if (itself || throughUnit) {
                    memberships.add(Membership.of(partnership, member));
                }
            }
        }
        return memberships;
    }

    Partnership register(Partnership partnership) {
        return partnerships.insert(partnership);
    }

    Partnership save(Partnership partnership) {
        return partnerships.save(partnership);
    }

    long count() {
        return partnerships.count();
    }
}
