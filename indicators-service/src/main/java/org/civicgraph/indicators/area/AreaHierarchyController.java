package org.civicgraph.indicators.area;

import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.stereotype.Controller;

import java.util.List;

/** Resolves the hierarchy fields of all the areas in a response together, level by level. */
@Controller
class AreaHierarchyController {

    private final AreaHierarchy hierarchy;

    AreaHierarchyController(AreaHierarchy hierarchy) {
        this.hierarchy = hierarchy;
    }

    @BatchMapping
    List<Area> parent(List<Area> areas) {
        return hierarchy.parentsOf(areas);
    }

    @BatchMapping
    List<List<Area>> children(List<Area> areas) {
        return hierarchy.childrenOf(areas);
    }

    @BatchMapping
    List<List<Area>> ancestors(List<Area> areas) {
        return hierarchy.ancestorsOf(areas);
    }
}
