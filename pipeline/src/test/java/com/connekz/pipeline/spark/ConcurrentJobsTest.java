package com.connekz.pipeline.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ConcurrentJobsTest {
    @Test
    void returnsTheResultsInTheItemsOrder() {
        List<Integer> items = IntStream.range(0, 50).boxed().toList();

        assertThat(ConcurrentJobs.map(items, 4, i -> i * 2)).isEqualTo(items.stream().map(i -> i * 2).toList());
    }

    @Test
    void letsEveryOperationFinishThenRethrowsTheFirstFailureInItemOrder() {
        Set<Integer> finished = ConcurrentHashMap.newKeySet();

        assertThatThrownBy(() -> ConcurrentJobs.map(List.of(1, 2, 3, 4, 5), 3, i -> {
            if (i == 2 || i == 4) {
                throw new IllegalArgumentException("item " + i);
            }
            finished.add(i);
            return i;
        })).isInstanceOf(IllegalArgumentException.class).hasMessage("item 2");
        assertThat(finished).containsExactlyInAnyOrder(1, 3, 5);
    }
}
