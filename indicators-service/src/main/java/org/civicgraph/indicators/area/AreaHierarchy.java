package org.civicgraph.indicators.area;

import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Parents, children and ancestors of many areas at once, so that a page of areas costs one query per level of the
 * hierarchy rather than one per area. Each method answers in the order of the areas it was given.
 */
@Service
class AreaHierarchy {

    private final Areas areas;

    AreaHierarchy(Areas areas) {
        this.areas = areas;
    }

    /** Each area's parent, or null for an area without one. */
    List<Area> parentsOf(List<Area> children) {
        Map<String, Area> parents = byCode(findAll(parentCodes(children)));
        return children.stream().map(child -> child.getParentCode() == null ? null : parents.get(child.getParentCode())).toList();
    }

    /** The areas directly within each area, by name. */
    List<List<Area>> childrenOf(List<Area> parents) {
        Set<String> codes = parents.stream().map(Area::getCode).collect(Collectors.toSet());
        Map<String, List<Area>> childrenByParent = areas.findByParentCodeIn(codes, Sort.by("name", "_id")).stream()
                .collect(Collectors.groupingBy(Area::getParentCode));
        return parents.stream().map(parent -> childrenByParent.getOrDefault(parent.getCode(), List.of())).toList();
    }

    /** Every area each area lies within, nearest first: district, county, region, country. */
    List<List<Area>> ancestorsOf(List<Area> descendants) {
        Map<String, Area> known = byCode(descendants);
        Set<String> wanted = parentCodesNotIn(known, descendants);
        while (!wanted.isEmpty()) {
            List<Area> level = findAll(wanted);
            known.putAll(byCode(level));
            wanted = parentCodesNotIn(known, level);
        }
        return descendants.stream().map(area -> chainAbove(area, known)).toList();
    }

    private static List<Area> chainAbove(Area area, Map<String, Area> known) {
        List<Area> ancestors = new ArrayList<>();
        // Registration cannot make a loop, but a hand-edited database must not hang a request.
        Set<String> seen = new HashSet<>(Set.of(area.getCode()));
        for (Area parent = parentIn(known, area); parent != null && seen.add(parent.getCode()); parent = parentIn(known, parent)) {
            ancestors.add(parent);
        }
        return ancestors;
    }

    private static Area parentIn(Map<String, Area> known, Area area) {
        return area.getParentCode() == null ? null : known.get(area.getParentCode());
    }

    private List<Area> findAll(Set<String> codes) {
        return codes.isEmpty() ? List.of() : areas.findAllById(codes);
    }

    private static Set<String> parentCodes(List<Area> areas) {
        return areas.stream().map(Area::getParentCode).filter(Objects::nonNull).collect(Collectors.toCollection(HashSet::new));
    }

    private static Set<String> parentCodesNotIn(Map<String, Area> known, List<Area> areas) {
        Set<String> codes = parentCodes(areas);
        codes.removeAll(known.keySet());
        return codes;
    }

    private static Map<String, Area> byCode(List<Area> areas) {
        Map<String, Area> byCode = new HashMap<>();
        areas.forEach(area -> byCode.put(area.getCode(), area));
        return byCode;
    }
}
