package org.civicgraph.plans.plan;

import org.civicgraph.platform.graphql.InvalidInputException;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class RagScaleTest {

    private static final RagScale LINCOLNSHIRE = new RagScale(List.of(
            new RagStatus("Green", "#00703C", "Ahead of plan", false),
            new RagStatus("Amber", "#FFBF47", "On plan", false),
            new RagStatus("Red", "#D4351C", "Behind plan", true)));

    @Test
    void labelsAreMatchedWhateverTheirCaseAndOnlyOnTheirOwnScale() {
        assertThat(LINCOLNSHIRE.find(" green ").map(RagStatus::meaning)).contains("Ahead of plan");
        assertThat(RagScale.DEFAULT.find("Green").map(RagStatus::meaning)).contains("On track");
        assertThat(LINCOLNSHIRE.find("Blue")).isEmpty();
        assertThat(LINCOLNSHIRE.labels()).isEqualTo("Green, Amber, Red");
    }

    @Test
    void whetherAStatusIsBehindPlanIsTheScalesToSay() {
        RagScale amberIsBehind = new RagScale(List.of(
                new RagStatus("Green", "#00703C", "On track", false),
                new RagStatus("Amber", "#FFBF47", "Behind plan, recoverable", true)));

        assertThat(LINCOLNSHIRE.isBehindPlan("Amber")).isFalse();
        assertThat(LINCOLNSHIRE.isBehindPlan("red")).isTrue();
        assertThat(amberIsBehind.isBehindPlan("Amber")).isTrue();
        assertThat(LINCOLNSHIRE.isBehindPlan("Purple")).isFalse();
    }

    @Test
    void aScaleNeedsDistinctLabelsColoursAndMeanings() {
        assertThat(refusal(List.of()).field()).isEqualTo("ragScale");
        assertThat(refusal(List.of(new RagStatus("Green", "#00703C", "On track", false), new RagStatus("GREEN", "#00703C", "Again", false))).field())
                .isEqualTo("ragScale[1].label");
        assertThat(refusal(List.of(new RagStatus("Green", "green", "On track", false))).field()).isEqualTo("ragScale[0].colour");
        assertThat(refusal(List.of(new RagStatus("Green", "#00703C", " ", false))).field()).isEqualTo("ragScale[0].meaning");
        assertThat(refusal(List.of(new RagStatus(" ", "#00703C", "On track", false))).field()).isEqualTo("ragScale[0].label");
    }

    private static InvalidInputException refusal(List<RagStatus> statuses) {
        InvalidInputException refused = catchThrowableOfType(InvalidInputException.class, () -> PlanInputRules.requireScale(statuses));
        assertThat(refused).as("refused").isNotNull();
        return refused;
    }
}
