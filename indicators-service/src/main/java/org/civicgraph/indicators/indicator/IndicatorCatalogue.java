package org.civicgraph.indicators.indicator;

import org.civicgraph.platform.events.ConflictRetry;
import org.civicgraph.platform.graphql.InvalidInputException;
import org.civicgraph.platform.graphql.NotFoundException;
import org.civicgraph.platform.security.Caller;
import org.civicgraph.platform.security.RecordAccess;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.ScrollPosition;
import org.springframework.data.domain.Sort;
import org.springframework.data.domain.Window;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/** Finds indicator definitions for everyone, and defines and changes them for their owning organisation's editors. */
@Service
public class IndicatorCatalogue {

    private static final Pattern SLUG = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    private static final int MAX_SLUG_LENGTH = 80;

    private final Indicators indicators;
    private final MongoTemplate mongo;
    private final ApplicationEventPublisher events;

    IndicatorCatalogue(Indicators indicators, MongoTemplate mongo, ApplicationEventPublisher events) {
        this.indicators = indicators;
        this.mongo = mongo;
        this.events = events;
    }

    public Optional<Indicator> find(String id) {
        return id == null ? Optional.empty() : indicators.findById(id);
    }

    /** The definitions with the given ids, in one round trip: the first batch of the answer holds them all. */
    public List<Indicator> findAll(Collection<String> ids) {
        return ids.isEmpty() ? List.of() : mongo.find(Query.query(Criteria.where("_id").in(ids)).cursorBatchSize(ids.size()), Indicator.class);
    }

    /** Every definition, by id: the catalogue is small (hundreds, not millions). */
    public Map<String, Indicator> all() {
        Map<String, Indicator> all = new HashMap<>();
        mongo.findAll(Indicator.class).forEach(indicator -> all.put(indicator.getId(), indicator));
        return all;
    }

    /** The indicator, for someone who names it in an input field; not found names that field. */
    public Indicator require(String id, String field) {
        return find(id).orElseThrow(() -> new NotFoundException(field, "No indicator has the id " + id));
    }

    Window<Indicator> search(IndicatorFilter filter, ScrollPosition position, int size) {
        Query query = new Query().with(Sort.by("name", "_id")).limit(size);
        if (filter.lifeStage() != null) {
            query.addCriteria(Criteria.where("lifeStage").is(filter.lifeStage()));
        }
        if (filter.leverArea() != null) {
            query.addCriteria(Criteria.where("leverAreas").is(filter.leverArea()));
        }
        if (filter.ownerOrganisation() != null) {
            query.addCriteria(Criteria.where("ownerOrganisation").is(filter.ownerOrganisation()));
        }
        return mongo.scroll(query.with(position), Indicator.class);
    }

    Indicator define(DefineIndicatorInput input) {
        if (input.ownerOrganisation() == null || input.ownerOrganisation().isBlank()) {
            throw new InvalidInputException("ownerOrganisation", "ownerOrganisation is required");
        }
        Caller caller = RecordAccess.requireCanEdit(input.ownerOrganisation());
        return add(input, caller.subject());
    }

    /** Validates and stores a new definition for someone already allowed to add it, such as the demo data loader. */
    Indicator add(DefineIndicatorInput input, String definedBy) {
        if (input.id() == null || input.id().length() > MAX_SLUG_LENGTH || !SLUG.matcher(input.id()).matches()) {
            throw new InvalidInputException("id", "id must be a slug of lower-case letters, digits and single hyphens, at most "
                    + MAX_SLUG_LENGTH + " characters, such as gross-median-weekly-pay");
        }
        requireName(input.name());
        if (input.unit() == null) {
            throw new InvalidInputException("unit", "unit is required");
        }
        if (input.polarity() == null) {
            throw new InvalidInputException("polarity", "polarity is required; use NO_JUDGEMENT when neither higher nor lower is better");
        }
        return indicators.insert(Indicator.define(input, definedBy));
    }

    Indicator update(UpdateIndicatorInput input) {
        if (input.name() != null) {
            requireName(input.name());
        }
        Polarity[] before = new Polarity[1];
        Indicator updated = ConflictRetry.run(() -> {
            Indicator indicator = require(input.id(), "id");
            Caller caller = RecordAccess.requireCanEdit(indicator.getOwnerOrganisation());
            before[0] = indicator.getPolarity();
            return indicator.update(input, caller.subject()) ? indicators.save(indicator) : indicator;
        });
        if (updated.getPolarity() != before[0]) {
            events.publishEvent(new PolarityChanged(updated));
        }
        return updated;
    }

    long count() {
        return indicators.count();
    }

    private static void requireName(String name) {
        if (name == null || name.isBlank()) {
            throw new InvalidInputException("name", "name must not be blank");
        }
    }
}
