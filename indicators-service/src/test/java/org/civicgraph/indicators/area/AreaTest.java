package org.civicgraph.indicators.area;

import com.jayway.jsonpath.JsonPath;
import org.civicgraph.platform.events.PendingEvent;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class AreaTest {

    @Test
    void registeringRecordsTheNewAreaAsAnEventAboutIt() {
        Area england = Area.register("E92000001", "England", AreaType.COUNTRY, null, "test-user@civicgraph");

        assertThat(england.getPendingEvents()).singleElement().satisfies(event -> {
            assertThat(event.type()).isEqualTo("org.civicgraph.indicators.area.registered.v1");
            assertThat(event.subject()).isEqualTo("areas/E92000001");
            assertThat(event.data()).contains("\"code\":\"E92000001\"").contains("\"type\":\"COUNTRY\"")
                    .contains("\"parentCode\":null").contains("\"registeredBy\":\"test-user@civicgraph\"");
        });
    }

    @Test
    void renamingRecordsWhoChangedTheNameAndTheOldAndNewValues() {
        Area boston = Area.register("E07000136", "Boston", AreaType.DISTRICT, "E10000019", "demo-data");

        assertThat(boston.rename("Boston Borough", "test-user@civicgraph")).isTrue();

        assertThat(boston.getName()).isEqualTo("Boston Borough");
        PendingEvent renamed = boston.getPendingEvents().get(1);
        assertThat(renamed.type()).isEqualTo("org.civicgraph.indicators.area.renamed.v1");
        assertThat(renamed.subject()).isEqualTo("areas/E07000136");
        assertThat(JsonPath.<String>read(renamed.data(), "$.code")).isEqualTo("E07000136");
        assertThat(JsonPath.<String>read(renamed.data(), "$.changedBy")).isEqualTo("test-user@civicgraph");
        assertThat(JsonPath.<Map<String, Object>>read(renamed.data(), "$.changes"))
                .isEqualTo(Map.of("name", Map.of("old", "Boston", "new", "Boston Borough")));
    }

    @Test
    void renamingToTheSameNameChangesAndRecordsNothing() {
        Area boston = Area.register("E07000136", "Boston", AreaType.DISTRICT, "E10000019", "demo-data");

        assertThat(boston.rename("Boston", "test-user@civicgraph")).isFalse();

        assertThat(boston.getPendingEvents()).hasSize(1);
    }
}
