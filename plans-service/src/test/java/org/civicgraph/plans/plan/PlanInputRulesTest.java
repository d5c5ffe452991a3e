package org.civicgraph.plans.plan;

import org.civicgraph.platform.graphql.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class PlanInputRulesTest {

    @ParameterizedTest
    @ValueSource(strings = {"abc", "lincolnshire-cc-corporate-plan", "leicestershire-cc-strategic-plan-2022-26", "2024"})
    void aLowercaseSlugIsAnId(String id) {
        assertThatCode(() -> PlanInputRules.requireId(id)).doesNotThrowAnyException();
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"ab", "Corporate-Plan", "corporate_plan", "corporate plan", "-plan", "plan-", "corporate--plan",
            "a23456789-123456789-123456789-123456789-123456789-123456789-123456789-12345678901"})
    void anythingElseIsRefusedNamingTheIdField(String id) {
        assertThat(refusal(() -> PlanInputRules.requireId(id)).field()).isEqualTo("id");
    }

    @ParameterizedTest
    @ValueSource(strings = {"2020-2024", "2022-26", "2022-2022", "five-year", "2021/22 to 2023/24"})
    void aPeriodIsKeptAsThePlanWritesIt(String period) {
        assertThatCode(() -> PlanInputRules.requirePeriod(period)).doesNotThrowAnyException();
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   ", "2024-2020", "2022-21"})
    void aBlankOrBackwardsPeriodIsRefused(String period) {
        assertThat(refusal(() -> PlanInputRules.requirePeriod(period)).field()).isEqualTo("period");
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {" "})
    void aBlankTitleIsRefusedNamingTheFieldGiven(String title) {
        assertThat(refusal(() -> PlanInputRules.requireTitle("themes[1].title", title)).field()).isEqualTo("themes[1].title");
    }

    @Test
    void aTitleMayBeUpToTheLimitButNoLonger() {
        assertThatCode(() -> PlanInputRules.requireTitle("title", "x".repeat(PlanInputRules.MAX_TITLE))).doesNotThrowAnyException();
        assertThat(refusal(() -> PlanInputRules.requireTitle("title", "x".repeat(PlanInputRules.MAX_TITLE + 1))).field())
                .isEqualTo("title");
    }

    private static InvalidInputException refusal(Runnable check) {
        InvalidInputException refused = catchThrowableOfType(InvalidInputException.class, check::run);
        assertThat(refused).as("refused").isNotNull();
        return refused;
    }
}
