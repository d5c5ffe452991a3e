package org.civicgraph.partners.group;

import org.civicgraph.platform.demo.DemoDataLoader;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import java.util.List;

/** Loads the kinds of partner the source documents name (sector groups), parents before their subgroups. */
@Component
@Order(2)
@ConditionalOnProperty(name = "civicgraph.demo-data.enabled", havingValue = "true")
class PartnerGroupDemoData extends DemoDataLoader<PartnerGroupDemoData.Row> {

    private final PartnerGroupDirectory directory;

    PartnerGroupDemoData(PartnerGroupDirectory directory) {
        super("demo/partner-groups.json", Row.class);
        this.directory = directory;
    }

    @Override
    protected boolean hasData() {
        return directory.count() > 0;
    }

    @Override
    protected void importRecord(Row row) {
        directory.register(PartnerGroup.register(row.id(), row.name(), orEmpty(row.otherNames()), row.description(),
                orEmpty(row.areasServed()), row.parentGroup(), orEmpty(row.organisations())));
    }

    private static List<String> orEmpty(List<String> list) {
        return list == null ? List.of() : list;
    }

    /** {@code sourceNote} in the file says where the group is named; it is not imported. */
    record Row(String id, String name, List<String> otherNames, String description, List<String> areasServed, String parentGroup,
               List<String> organisations) {
    }
}
