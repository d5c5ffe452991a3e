package org.civicgraph.plans.activity;

import org.civicgraph.plans.plan.ReferenceScope;
import org.junit.jupiter.api.Test;

import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class ActivityReferencesTest {

    @Test
    void referencesSortByTheirNumbers() {
        assertThat(Stream.of("A10", "A9", "A1", "1.10", "1.2", "10.1", "2.1").sorted((a, b) ->
                Activity.naturalOrder(a).compareTo(Activity.naturalOrder(b))))
                .containsExactly("1.2", "1.10", "2.1", "10.1", "A1", "A9", "A10");
    }

    @Test
    void aReferenceIsQualifiedOnlyWhereItIsNotUniqueAlone() {
        assertThat(Activity.path(ReferenceScope.PLAN, "support-high-aspirations", null, "A9")).isEqualTo("A9");
        assertThat(Activity.path(ReferenceScope.PLAN, "support-high-aspirations", "2020/21", "A5")).isEqualTo("2020-21/A5");
        assertThat(Activity.path(ReferenceScope.THEME, "housing-and-homelessness", null, "1.1")).isEqualTo("housing-and-homelessness/1.1");
    }
}
