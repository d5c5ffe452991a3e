package org.civicgraph.contracts.contract;

import org.junit.jupiter.api.Test;
import org.springframework.data.domain.ScrollPosition;
import org.springframework.data.domain.Window;

import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

class InMemoryPagesTest {

    @Test
    void theNextPageStartsAfterTheLastItemOfThePageBefore() {
        List<Integer> all = IntStream.range(0, 7).boxed().toList();

        Window<Integer> first = InMemoryPages.window(all, ScrollPosition.offset(), 3);
        Window<Integer> second = InMemoryPages.window(all, first.positionAt(first.size() - 1), 3);
        Window<Integer> third = InMemoryPages.window(all, second.positionAt(second.size() - 1), 3);

        assertThat(first.getContent()).containsExactly(0, 1, 2);
        assertThat(first.hasNext()).isTrue();
        assertThat(second.getContent()).containsExactly(3, 4, 5);
        assertThat(third.getContent()).containsExactly(6);
        assertThat(third.hasNext()).isFalse();
    }
}
