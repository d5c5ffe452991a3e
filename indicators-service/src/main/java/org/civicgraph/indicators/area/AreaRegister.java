package org.civicgraph.indicators.area;

import org.civicgraph.indicators.IndicatorsProperties;
import org.civicgraph.platform.events.ConflictRetry;
import org.civicgraph.platform.graphql.InvalidInputException;
import org.civicgraph.platform.graphql.NotFoundException;
import org.civicgraph.platform.security.Caller;
import org.civicgraph.platform.security.RecordAccess;
import org.springframework.data.domain.ScrollPosition;
import org.springframework.data.domain.Sort;
import org.springframework.data.domain.Window;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Finds areas, for every feature of the service, and registers and renames them for the admins of the organisation
 * that owns the reference data.
 */
@Service
public class AreaRegister {

    /** A country letter (England, Wales, Scotland, Northern Ireland), then an entity code and a number: 8 digits. */
    private static final Pattern GSS_CODE = Pattern.compile("[EWSN][0-9]{8}");

    private final Areas areas;
    private final MongoTemplate mongo;
    private final String referenceDataOwner;

    AreaRegister(Areas areas, MongoTemplate mongo, IndicatorsProperties properties) {
        this.areas = areas;
        this.mongo = mongo;
        this.referenceDataOwner = properties.referenceDataOwner();
    }

    public Optional<Area> find(String code) {
        return code == null ? Optional.empty() : areas.findById(code);
    }

    public List<Area> findAll(Collection<String> codes) {
        return codes.isEmpty() ? List.of() : areas.findAllById(codes);
    }

    /** The code of every area, in one query reading only the codes. */
    public Set<String> allCodes() {
        Query everyArea = new Query();
        everyArea.fields().include("_id");
        Set<String> codes = new HashSet<>();
        mongo.find(everyArea, org.bson.Document.class, mongo.getCollectionName(Area.class)).forEach(area -> codes.add(area.getString("_id")));
        return codes;
    }

    public boolean exists(String code) {
        return code != null && areas.existsById(code);
    }

    /** The areas directly within any of the given areas, in one query. */
    public List<Area> childrenOf(Collection<String> parentCodes) {
        return parentCodes.isEmpty() ? List.of() : areas.findByParentCodeIn(parentCodes, Sort.by("name", "_id"));
    }

    /** Every area of a type, or directly within a parent, or both; null leaves that condition out. */
    public List<Area> findAll(AreaType type, String parentCode) {
        Query query = new Query().with(Sort.by("name", "_id"));
        if (type != null) {
            query.addCriteria(Criteria.where("type").is(type));
        }
        if (parentCode != null) {
            query.addCriteria(Criteria.where("parentCode").is(parentCode));
        }
        return mongo.find(query, Area.class);
    }

    Window<Area> search(AreaFilter filter, ScrollPosition position, int size) {
        Query query = new Query().with(Sort.by("name", "_id")).limit(size);
        if (filter.type() != null) {
            query.addCriteria(Criteria.where("type").is(filter.type()));
        }
        if (filter.parentCode() != null) {
            query.addCriteria(Criteria.where("parentCode").is(filter.parentCode()));
        }
        return mongo.scroll(query.with(position), Area.class);
    }

    Area register(RegisterAreaInput input) {
        Caller caller = RecordAccess.requireAdminOf(referenceDataOwner);
        return add(input, caller.subject());
    }

    /** Validates and stores a new area for someone already allowed to add it, such as the demo data loader. */
    Area add(RegisterAreaInput input, String registeredBy) {
        if (input.code() == null || !GSS_CODE.matcher(input.code()).matches()) {
            throw new InvalidInputException("code", "code must be an ONS GSS code: E, W, S or N followed by 8 digits, such as E07000136");
        }
        String name = requireName(input.name());
        if (input.type() == null) {
            throw new InvalidInputException("type", "type is required");
        }
        if (input.parentCode() != null && !areas.existsById(input.parentCode())) {
            throw new InvalidInputException("parentCode", "No area has the code " + input.parentCode()
                    + "; register the parent area first");
        }
        return areas.insert(Area.register(input.code(), name, input.type(), input.parentCode(), registeredBy));
    }

    Area rename(RenameAreaInput input) {
        Caller caller = RecordAccess.requireAdminOf(referenceDataOwner);
        String name = requireName(input.name());
        return ConflictRetry.run(() -> {
            Area area = areas.findById(input.code())
                    .orElseThrow(() -> new NotFoundException("code", "No area has the code " + input.code()));
            return area.rename(name, caller.subject()) ? areas.save(area) : area;
        });
    }

    long count() {
        return areas.count();
    }

    private static String requireName(String name) {
        if (name == null || name.isBlank()) {
            throw new InvalidInputException("name", "name must not be blank");
        }
        return name.strip();
    }
}
