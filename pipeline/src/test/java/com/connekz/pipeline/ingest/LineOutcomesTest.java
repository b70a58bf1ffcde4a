package com.connekz.pipeline.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LineOutcomesTest {
    @Test
    void aFileCountedAgainByARetriedTaskReplacesItsEntryInsteadOfAddingToIt() {
        LineOutcomes driver = new LineOutcomes();
        LineOutcomes firstAttempt = new LineOutcomes();
        firstAttempt.add(new LineOutcomes.OfFile(0, 5, Map.of("invalid_json", 1L), List.of(), false));
        LineOutcomes retry = new LineOutcomes();
        retry.add(new LineOutcomes.OfFile(0, 5, Map.of("invalid_json", 1L), List.of(), false));
        LineOutcomes otherFile = new LineOutcomes();
        otherFile.add(new LineOutcomes.OfFile(1, 3, Map.of(), List.of(), false));

        driver.merge(firstAttempt);
        driver.merge(retry);
        driver.merge(otherFile);

        assertThat(driver.value()).containsOnlyKeys(0, 1);
        assertThat(driver.value().values().stream().mapToLong(LineOutcomes.OfFile::good).sum()).isEqualTo(8);
    }

    @Test
    void aCopyIsIndependentAndAResetEmpties() {
        LineOutcomes outcomes = new LineOutcomes();
        outcomes.add(new LineOutcomes.OfFile(0, 1, Map.of(), List.of(), false));
        LineOutcomes copy = outcomes.copy();
        outcomes.reset();

        assertThat(outcomes.isZero()).isTrue();
        assertThat(copy.value()).containsOnlyKeys(0);
    }
}
