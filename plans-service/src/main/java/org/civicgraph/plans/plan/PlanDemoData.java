package org.civicgraph.plans.plan;

import org.civicgraph.platform.demo.DemoDataLoader;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import java.util.List;

/** Loads the plans described in the source documents into an empty catalogue, all of them public; before their activities. */
@Component
@Order(PlanDemoData.ORDER)
@ConditionalOnProperty(name = "civicgraph.demo-data.enabled", havingValue = "true")
class PlanDemoData extends DemoDataLoader<PlanDemoData.Row> {

    static final String LOADED_BY = "demo-data";
    static final int ORDER = 0;

    private final PlanCatalogue catalogue;

    PlanDemoData(PlanCatalogue catalogue) {
        super("demo/plans.json", Row.class);
        this.catalogue = catalogue;
    }

    @Override
    protected boolean hasData() {
        return catalogue.count() > 0;
    }

    @Override
    protected void importRecord(Row record) {
        catalogue.add(record.toDraft(), LOADED_BY);
    }

    record Row(String id, String ownerOrganisation, String title, PlanKind kind, String period, String periodNote,
               String themeLabel, String objectiveLabel, List<String> areas, List<Theme> themes, List<RagStatus> ragScale,
               Boolean partnersMayReport, ReferenceScope referenceScope) {

        CreatePlanInput toDraft() {
            return new CreatePlanInput(id, ownerOrganisation, title, kind, period, periodNote, themeLabel, objectiveLabel,
                    areas == null ? List.of() : areas, Visibility.PUBLIC, themes == null ? List.of() : themes,
                    ragScale, Boolean.TRUE.equals(partnersMayReport), referenceScope, false);
        }
    }
}
