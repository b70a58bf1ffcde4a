package com.connekz.pipeline.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.apache.spark.unsafe.types.UTF8String;
import org.junit.jupiter.api.Test;

class KeyHashesTest {

    @Test
    void aKeyInTwoSlicesIsARepeatAndDistinctKeysAreNot() {
        long[] first = sorted("m1", "m2", "m3");

        assertThat(KeyHashes.anyRepeats(List.of(first, sorted("m4", "m2")))).hasValue(true);
        assertThat(KeyHashes.anyRepeats(List.of(first, sorted("m4", "m5")))).hasValue(false);
        assertThat(KeyHashes.anyRepeats(List.of(sorted("m1", "m1")))).hasValue(true);
    }

    @Test
    void aSliceThatKeptNoHashesLeavesTheQuestionOpen() {
        assertThat(KeyHashes.anyRepeats(Arrays.asList(sorted("m1"), null))).isEmpty();
    }

    @Test
    void aSliceWithMoreKeysThanItsShareKeepsNone() {
        KeyHashes twoAtMost = new KeyHashes(2);
        twoAtMost.add(UTF8String.fromString("m1"));
        twoAtMost.add(UTF8String.fromString("m2"));
        assertThat(twoAtMost.sorted()).hasSize(2);

        twoAtMost.add(UTF8String.fromString("m3"));
        assertThat(twoAtMost.sorted()).isNull();
    }

    @Test
    void hashesComeBackSortedWhateverTheOrderOfTheKeys() {
        long[] hashes = sorted("c", "a", "b", "kia ora");

        assertThat(hashes).hasSize(4).isSorted();
    }

    private static long[] sorted(String... keys) {
        KeyHashes hashes = new KeyHashes(KeyHashes.MAX_KEPT);
        for (String key : keys) {
            hashes.add(UTF8String.fromString(key));
        }
        return hashes.sorted();
    }
}
