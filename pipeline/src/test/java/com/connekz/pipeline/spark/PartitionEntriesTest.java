package com.connekz.pipeline.spark;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PartitionEntriesTest {
    record Lines(int partition, long count) implements PartitionEntries.Entry {}

    @Test
    void aPartitionRecordedAgainByARetriedTaskReplacesItsEntryInsteadOfAddingToIt() {
        PartitionEntries<Lines> driver = new PartitionEntries<>();
        PartitionEntries<Lines> firstAttempt = new PartitionEntries<>();
        firstAttempt.add(new Lines(0, 5));
        PartitionEntries<Lines> retry = new PartitionEntries<>();
        retry.add(new Lines(0, 5));
        PartitionEntries<Lines> otherPartition = new PartitionEntries<>();
        otherPartition.add(new Lines(1, 3));

        driver.merge(firstAttempt);
        driver.merge(retry);
        driver.merge(otherPartition);

        assertThat(driver.value()).containsOnlyKeys(0, 1);
        assertThat(driver.value().values().stream().mapToLong(Lines::count).sum()).isEqualTo(8);
    }

    @Test
    void aCopyIsIndependentAndAResetEmpties() {
        PartitionEntries<Lines> entries = new PartitionEntries<>();
        entries.add(new Lines(0, 1));
        PartitionEntries<Lines> copy = entries.copy();
        entries.reset();

        assertThat(entries.isZero()).isTrue();
        assertThat(copy.value()).containsOnlyKeys(0);
    }
}
