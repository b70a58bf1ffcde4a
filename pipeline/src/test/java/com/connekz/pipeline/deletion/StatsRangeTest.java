package com.connekz.pipeline.deletion;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.apache.spark.sql.delta.actions.AddFile;
import org.junit.jupiter.api.Test;
import scala.Option;

class StatsRangeTest {
    private static final StatsRange TWO_SUBJECTS = new StatsRange("subject_hash", List.of("aa11", "ff99"));

    @Test
    void keepsOnlyTheFilesWhoseOwnRangeHoldsOneOfTheValues() {
        assertTrue(TWO_SUBJECTS.test(file(range("aa00", "aa20"))));
        assertTrue(TWO_SUBJECTS.test(file(range("ff99", "ff99"))));
        // Between the two values: a single range over the whole list would keep it.
        assertFalse(TWO_SUBJECTS.test(file(range("bb00", "ee00"))));
        assertFalse(TWO_SUBJECTS.test(file(range("0000", "aa10"))));
    }

    @Test
    void aTruncatedMaximumStillCoversTheLongerValuesOfItsPrefix() {
        // Delta stores a prefix of long strings and raises the maximum above every string of it.
        String prefix = "ff9";
        assertTrue(TWO_SUBJECTS.test(file(range("f000", prefix + "\uDBFF\uDFFF"))));
    }

    @Test
    void failsClosedWithoutStatisticsForTheColumn() {
        assertTrue(TWO_SUBJECTS.test(file(null)));
        assertTrue(TWO_SUBJECTS.test(file("{\"numRecords\":3,\"nullCount\":{\"subject_hash\":3}}")));
        assertFalse(new StatsRange("subject_hash", List.of()).test(file(range("0000", "ffff"))));
    }

    private static String range(String min, String max) {
        return "{\"numRecords\":2,\"minValues\":{\"subject_hash\":\"" + min + "\"},\"maxValues\":{\"subject_hash\":\"" + max + "\"}}";
    }

    private static AddFile file(String stats) {
        return new AddFile("part-0.parquet", scala.collection.immutable.Map$.MODULE$.empty(), 1L, 0L, true, stats,
                null, null, Option.empty(), Option.empty(), Option.empty());
    }
}
