package org.civicgraph.indicators.group;

import org.civicgraph.indicators.area.AreaRegister;
import org.civicgraph.platform.events.ConflictRetry;
import org.civicgraph.platform.graphql.InvalidInputException;
import org.civicgraph.platform.graphql.NotFoundException;
import org.civicgraph.platform.security.Caller;
import org.civicgraph.platform.security.RecordAccess;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** Comparator groups: anyone reads them; editors of the organisation that defined one change it. */
@Service
public class ComparatorGroupRegister {

    private static final Pattern SLUG = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    private static final int MAX_MEMBERS = 500;

    private final MongoTemplate mongo;
    private final AreaRegister areas;

    ComparatorGroupRegister(MongoTemplate mongo, AreaRegister areas) {
        this.mongo = mongo;
        this.areas = areas;
    }

    public Optional<ComparatorGroup> find(String id) {
        return Optional.ofNullable(id == null ? null : mongo.findById(id, ComparatorGroup.class));
    }

    /** The group named by a query argument, or a BAD_USER_INPUT error on that argument. */
    public ComparatorGroup require(String id, String field) {
        return find(id).orElseThrow(() -> new InvalidInputException(field, "No comparator group has the id " + id));
    }

    List<ComparatorGroup> all(ComparatorGroupKind kind, String containing) {
        Query query = new Query().with(Sort.by("name", "_id"));
        if (kind != null) {
            query.addCriteria(Criteria.where("kind").is(kind));
        }
        if (containing != null) {
            query.addCriteria(Criteria.where("memberCodes").is(containing));
        }
        return mongo.find(query, ComparatorGroup.class);
    }

    ComparatorGroup define(DefineComparatorGroupInput input) {
        if (input.ownerOrganisation() == null || input.ownerOrganisation().isBlank()) {
            throw new InvalidInputException("ownerOrganisation", "ownerOrganisation is required");
        }
        Caller caller = RecordAccess.requireCanEdit(input.ownerOrganisation().strip());
        return add(input, caller.subject());
    }

    /** Validates and stores a new group for someone already allowed to add it, such as the demo data loader. */
    ComparatorGroup add(DefineComparatorGroupInput input, String definedBy) {
        if (input.id() == null || !SLUG.matcher(input.id()).matches()) {
            throw new InvalidInputException("id", "id must be a slug of lower-case letters, digits and single hyphens, such as lincolnshire-districts");
        }
        if (input.kind() == null) {
            throw new InvalidInputException("kind", "kind is required");
        }
        ComparatorGroup group = ComparatorGroup.define(input.id(), requireName(input.name()), input.kind(), requireMembers(input.memberCodes()),
                blankToNull(input.source()), input.ownerOrganisation().strip(), definedBy);
        try {
            return mongo.insert(group);
        } catch (DuplicateKeyException e) {
            throw new InvalidInputException("id", "A comparator group with the id " + input.id() + " exists already");
        }
    }

    long count() {
        return mongo.count(new Query(), ComparatorGroup.class);
    }

    ComparatorGroup change(ChangeComparatorGroupInput input) {
        String name = input.name() == null ? null : requireName(input.name());
        List<String> members = input.memberCodes() == null ? null : requireMembers(input.memberCodes());
        return ConflictRetry.run(() -> {
            ComparatorGroup group = find(input.id()).orElseThrow(() -> new NotFoundException("id", "No comparator group has the id " + input.id()));
            Caller caller = RecordAccess.requireCanEdit(group.getOwnerOrganisation());
            return group.change(name, input.kind(), members, input.source(), caller.subject()) ? mongo.save(group) : group;
        });
    }

    /** At least two distinct registered areas, in the order given; an unknown code is named with its position. */
    private List<String> requireMembers(List<String> codes) {
        if (codes == null || codes.size() < 2) {
            throw new InvalidInputException("memberCodes", "A comparator group needs at least two areas");
        }
        if (codes.size() > MAX_MEMBERS) {
            throw new InvalidInputException("memberCodes", "A comparator group holds at most " + MAX_MEMBERS + " areas");
        }
        Set<String> distinct = new LinkedHashSet<>();
        codes.forEach(code -> distinct.add(code == null ? "" : code.strip()));
        Set<String> registered = new HashSet<>();
        areas.findAll(distinct).forEach(area -> registered.add(area.getCode()));
        for (int i = 0; i < codes.size(); i++) {
            String code = codes.get(i) == null ? "" : codes.get(i).strip();
            if (!registered.contains(code)) {
                throw new InvalidInputException("memberCodes", "memberCodes[" + i + "]: no area has the code '" + code + "'; register it first");
            }
        }
        List<String> members = new ArrayList<>(distinct);
        if (members.size() < 2) {
            throw new InvalidInputException("memberCodes", "A comparator group needs at least two different areas");
        }
        return members;
    }

    private static String requireName(String name) {
        if (name == null || name.isBlank()) {
            throw new InvalidInputException("name", "name must not be blank");
        }
        return name.strip();
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
