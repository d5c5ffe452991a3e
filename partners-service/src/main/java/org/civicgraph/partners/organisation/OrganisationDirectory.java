package org.civicgraph.partners.organisation;

import org.civicgraph.platform.events.ConflictRetry;
import org.civicgraph.platform.graphql.InvalidInputException;
import org.civicgraph.platform.graphql.NotFoundException;
import org.civicgraph.platform.security.Caller;
import org.civicgraph.platform.security.RecordAccess;
import org.springframework.data.domain.Sort;
import org.springframework.data.domain.ScrollPosition;
import org.springframework.data.domain.Window;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/** Finds organisations and applies changes to them under the ownership rules. */
@Service
class OrganisationDirectory {

    private final Organisations organisations;
    private final MongoTemplate mongo;

    OrganisationDirectory(Organisations organisations, MongoTemplate mongo) {
        this.organisations = organisations;
        this.mongo = mongo;
    }

    Optional<Organisation> find(String id) {
        return organisations.findById(id);
    }

    List<Organisation> findAll(List<String> ids) {
        return organisations.findAllById(ids);
    }

    Window<Organisation> search(OrganisationFilter filter, ScrollPosition position, int size) {
        Query query = new Query().with(Sort.by("normalisedName", "_id")).limit(size);
        if (filter.nameContains() != null && !filter.nameContains().isBlank()) {
            query.addCriteria(Criteria.where("normalisedName").regex(Pattern.quote(OrganisationNames.normalise(filter.nameContains()))));
        }
        if (filter.type() != null) {
            query.addCriteria(Criteria.where("type").is(filter.type()));
        }
        if (filter.areaServed() != null) {
            query.addCriteria(Criteria.where("areasServed").is(filter.areaServed()));
        }
        return mongo.scroll(query.with(position), Organisation.class);
    }

    Organisation register(Organisation organisation) {
        return organisations.insert(organisation);
    }

    Organisation update(UpdateOrganisationInput input) {
        Caller caller = RecordAccess.requireCanEdit(input.id());
        if (input.name() != null && input.name().isBlank()) {
            throw new InvalidInputException("name", "name must not be blank");
        }
        if (input.website() != null) {
            requireWebAddress(input.website());
        }
        return ConflictRetry.run(() -> {
            Organisation organisation = organisations.findById(input.id())
                    .orElseThrow(() -> new NotFoundException("id", "No organisation has the id " + input.id()));
            return organisation.update(input.name(), input.website(), caller.subject()) ? organisations.save(organisation) : organisation;
        });
    }

    long count() {
        return organisations.count();
    }

    private static void requireWebAddress(String website) {
        try {
            URI uri = URI.create(website);
            if (!"https".equals(uri.getScheme()) || uri.getHost() == null) {
                throw new InvalidInputException("website", "website must be an https:// address, such as https://www.boston.gov.uk");
            }
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("website", "website is not a valid address: " + e.getMessage());
        }
    }
}
