package org.civicgraph.partners.name;

import org.springframework.data.mongodb.core.query.Criteria;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * Which search keys a record must carry to match: at least one of the alternatives, each a group of keys that must
 * all be present. The one rule is written three ways, side by side here so that they cannot drift apart: as a
 * MongoDB criterion on an indexed key array (an equality, {@code $in} or {@code $all}, which a multikey index
 * answers), as a test of a loaded record's keys, and as the candidates taken from the {@link NameKeyIndex}.
 */
public record KeyQuery(List<List<String>> alternatives) {

    public KeyQuery {
        alternatives = alternatives.stream().filter(keys -> !keys.isEmpty()).map(List::copyOf).toList();
    }

    public static KeyQuery allOf(List<String> keys) {
        return new KeyQuery(List.of(keys));
    }

    public static KeyQuery anyOf(List<String> keys) {
        return new KeyQuery(keys.stream().map(List::of).toList());
    }

    public KeyQuery or(KeyQuery other) {
        List<List<String>> both = new ArrayList<>(alternatives);
        both.addAll(other.alternatives);
        return new KeyQuery(both);
    }

    /** A query with no alternatives matches nothing. */
    public boolean isEmpty() {
        return alternatives.isEmpty();
    }

    /** Every key the query mentions. */
    public Set<String> keys() {
        Set<String> keys = new LinkedHashSet<>();
        alternatives.forEach(keys::addAll);
        return keys;
    }

    public boolean matches(Collection<String> recordKeys) {
        Set<String> present = recordKeys instanceof Set<String> set ? set : new HashSet<>(recordKeys);
        return alternatives.stream().anyMatch(present::containsAll);
    }

    /**
     * The criterion on the key array {@code field}: single-key alternatives become one equality or {@code $in},
     * each group of several keys an {@code $all}, and several parts an {@code $or}. A query with no alternatives
     * becomes a criterion that matches nothing.
     */
    public Criteria criteria(String field) {
        List<String> singles = alternatives.stream().filter(keys -> keys.size() == 1).map(keys -> keys.get(0)).toList();
        List<Criteria> parts = new ArrayList<>();
        if (singles.size() == 1) {
            parts.add(Criteria.where(field).is(singles.get(0)));
        } else if (singles.size() > 1) {
            parts.add(Criteria.where(field).in(singles));
        }
        alternatives.stream().filter(keys -> keys.size() > 1).forEach(keys -> parts.add(Criteria.where(field).all(keys)));
        if (parts.isEmpty()) {
            return Criteria.where(field).in(List.of());
        }
        return parts.size() == 1 ? parts.get(0) : new Criteria().orOperator(parts);
    }

    /** The ids holding every key of at least one alternative, given the ids holding each key. */
    public Set<String> candidates(Function<String, Set<String>> idsWithKey) {
        Set<String> candidates = new HashSet<>();
        for (List<String> keys : alternatives) {
            Set<String> holding = null;
            for (String key : keys) {
                Set<String> ids = idsWithKey.apply(key);
                if (holding == null) {
                    holding = new HashSet<>(ids);
                } else {
                    holding.retainAll(ids);
                }
                if (holding.isEmpty()) {
                    break;
                }
            }
            candidates.addAll(holding);
        }
        return candidates;
    }
}
