package org.civicgraph.indicators.group;

import org.civicgraph.indicators.area.Area;
import org.civicgraph.indicators.area.AreaRegister;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

@Controller
class ComparatorGroupController {

    private final ComparatorGroupRegister groups;
    private final AreaRegister areas;

    ComparatorGroupController(ComparatorGroupRegister groups, AreaRegister areas) {
        this.groups = groups;
        this.areas = areas;
    }

    @QueryMapping
    ComparatorGroup comparatorGroup(@Argument String id) {
        return groups.find(id).orElse(null);
    }

    @QueryMapping
    List<ComparatorGroup> comparatorGroups(@Argument ComparatorGroupKind kind, @Argument String containing) {
        return groups.all(kind, containing);
    }

    /** The member areas in the group's order, in one query. */
    @SchemaMapping(typeName = "ComparatorGroup")
    List<Area> members(ComparatorGroup group) {
        Map<String, Area> byCode = areas.findAll(group.getMemberCodes()).stream().collect(Collectors.toMap(Area::getCode, Function.identity()));
        return group.getMemberCodes().stream().map(byCode::get).filter(Objects::nonNull).toList();
    }

    @MutationMapping
    ComparatorGroupPayload defineComparatorGroup(@Argument DefineComparatorGroupInput input) {
        return new ComparatorGroupPayload(groups.define(input));
    }

    @MutationMapping
    ComparatorGroupPayload changeComparatorGroup(@Argument ChangeComparatorGroupInput input) {
        return new ComparatorGroupPayload(groups.change(input));
    }

    /** What defineComparatorGroup and changeComparatorGroup return. */
    record ComparatorGroupPayload(ComparatorGroup comparatorGroup) {
    }
}
