package com.connekz.pipeline.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
    void givesEachKeyTheResultOfItsEntryInTheMapsOrder() {
        Map<String, Integer> items = new LinkedHashMap<>();
        IntStream.range(0, 20).forEach(i -> items.put("k" + (19 - i), i));

        Map<String, String> results = ConcurrentJobs.mapEntries(items, 4, (key, value) -> key + "=" + value);

        assertThat(results.keySet()).containsExactlyElementsOf(items.keySet());
        items.forEach((key, value) -> assertThat(results.get(key)).isEqualTo(key + "=" + value));
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
