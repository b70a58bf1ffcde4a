package com.connekz.pipeline.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class SliceSharesTest {
    private static final long MB = 1L << 20;

    @Test
    void aSliceGetsTwiceItsPartOfTheBudgetByBytesAndNeverMoreThanTheBudget() {
        LandedFile file = file("a.jsonl", 400);
        List<LandedSlice> slices = List.of(new LandedSlice(file, 0, 100, 1), new LandedSlice(file, 100, 400, 7));

        assertThat(SliceShares.of(slices, 1_000)).containsExactly(500, 1_000);
    }

    @Test
    void aTenGigabyteBatchInThreeHundredTwentySlicesSharesTheBudgetInsteadOfMultiplyingIt() {
        List<LandedSlice> slices = new ArrayList<>();
        LandedFile day = file("day.jsonl", 320 * 32 * MB);
        for (long start = 0; start < day.size(); start += 32 * MB) {
            slices.add(new LandedSlice(day, start, start + 32 * MB, 1 + start));
        }

        long[] shares = SliceShares.of(slices, 64 * MB);

        assertThat(shares).hasSize(320).containsOnly((long) Math.ceil(2.0 * 64 * MB / 320));
        assertThat(Arrays.stream(shares).sum()).as("twice the budget, and a byte per slice from rounding up")
                .isLessThanOrEqualTo(2 * 64 * MB + 320);
    }

    @Test
    void aWholeFileCountsItsStoredSizeAndEmptyFilesShareAlike() {
        List<LandedSlice> gzipAndPlain = List.of(LandedSlice.whole(file("a.jsonl.gz", 300)), LandedSlice.whole(file("b.jsonl", 100)));
        assertThat(SliceShares.of(gzipAndPlain, 1_000)).containsExactly(1_000, 500);

        List<LandedSlice> empty = List.of(LandedSlice.whole(file("c.jsonl", 0)), LandedSlice.whole(file("d.jsonl", 0)));
        assertThat(SliceShares.of(empty, 1_000)).containsExactly(1_000, 1_000);
    }

    private static LandedFile file(String name, long size) {
        return new LandedFile("chats", "/landing/chats/" + name, size, 0);
    }
}
