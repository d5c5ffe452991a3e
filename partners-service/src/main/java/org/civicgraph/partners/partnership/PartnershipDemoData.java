package org.civicgraph.partners.partnership;

import org.civicgraph.partners.partner.PartnerKind;
import org.civicgraph.platform.demo.DemoDataLoader;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import java.util.List;

/** Loads the partners of each lever area of the district councils' strategy, as its "Partners" pages list them. */
@Component
@Order(4)
@ConditionalOnProperty(name = "civicgraph.demo-data.enabled", havingValue = "true")
class PartnershipDemoData extends DemoDataLoader<PartnershipDemoData.Row> {

    private final PartnershipDirectory directory;

    PartnershipDemoData(PartnershipDirectory directory) {
        super("demo/partnerships.json", Row.class);
        this.directory = directory;
    }

    @Override
    protected boolean hasData() {
        return directory.count() > 0;
    }

    @Override
    protected void importRecord(Row row) {
        List<PartnershipMember> members = row.members().stream()
                .map(member -> new PartnershipMember(PartnerKind.valueOf(member.kind()), member.id(), PartnerRole.valueOf(member.role()),
                        member.units() == null ? List.of() : member.units().stream().map(slug -> member.id() + "/" + slug).toList(),
                        null, null))
                .toList();
        directory.register(Partnership.register(row.id(), row.name(), row.leverArea() == null ? null : LeverArea.valueOf(row.leverArea()),
                row.plan(), members));
    }

    /** {@code sourceNote} in the file says where the partners are listed; it is not imported. */
    record Row(String id, String name, String leverArea, String plan, List<MemberRow> members) {
    }

    /** A member as the file writes it: units by their slug within the member organisation. */
    record MemberRow(String kind, String id, String role, List<String> units) {
    }
}
