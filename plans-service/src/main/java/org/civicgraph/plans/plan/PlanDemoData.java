package org.civicgraph.plans.plan;

import org.civicgraph.platform.demo.DemoDataFile;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

import java.util.List;

/** Loads the plans described in the source documents into an empty catalogue, all of them public. */
@Component
@ConditionalOnProperty(name = "civicgraph.demo-data.enabled", havingValue = "true")
class PlanDemoData implements ApplicationRunner {

    static final String LOADED_BY = "demo-data";

    private final PlanCatalogue catalogue;

    PlanDemoData(PlanCatalogue catalogue) {
        this.catalogue = catalogue;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (catalogue.count() > 0) {
            return;
        }
        new DemoDataFile<>("demo/plans.json", Row.class).importEach(row -> catalogue.add(row.toDraft(), LOADED_BY));
    }

    record Row(String id, String ownerOrganisation, String title, PlanKind kind, String period, String periodNote,
               String themeLabel, String objectiveLabel, List<String> areas, List<Theme> themes) {

        CreatePlanInput toDraft() {
            return new CreatePlanInput(id, ownerOrganisation, title, kind, period, periodNote, themeLabel, objectiveLabel,
                    areas == null ? List.of() : areas, Visibility.PUBLIC, themes == null ? List.of() : themes);
        }
    }
}
