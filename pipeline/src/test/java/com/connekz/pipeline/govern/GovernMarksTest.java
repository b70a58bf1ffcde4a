package com.connekz.pipeline.govern;

import static org.assertj.core.api.Assertions.assertThat;

import com.connekz.pipeline.govern.GovernMarks.Mark;
import com.connekz.pipeline.govern.GovernMarks.TableMark;
import com.connekz.pipeline.testing.SharedSpark;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GovernMarksTest {
    private static final Instant AS_OF = Instant.parse("2026-11-25T00:00:00Z");

    @TempDir
    Path root;

    final SparkSession spark = SharedSpark.session();

    @Test
    void marksWrittenBeforeThePolicyColumnReadAsUnredactedAndTheTableGainsTheColumn() {
        String path = root.resolve("govern_marks").toString();
        StructType older = new StructType(Arrays.copyOf(GovernMarks.SCHEMA.fields(), GovernMarks.SCHEMA.fields().length - 1));
        spark.createDataFrame(List.of(RowFactory.create("chats", "run-old", Timestamp.from(AS_OF), Governance.RULES_VERSION,
                        3L, Timestamp.from(AS_OF), 1L, null, 1L, null)), older)
                .write().format("delta").save(path);
        GovernMarks marks = new GovernMarks(spark, path);

        assertThat(marks.latest().get("chats").redactionPolicy()).isNull();

        marks.record(new Mark("chats", "run-new", AS_OF.plusSeconds(60), Governance.RULES_VERSION,
                new TableMark(4, AS_OF), TableMark.NONE, TableMark.NONE, "2026-11-26.1"));

        assertThat(marks.latest().get("chats")).satisfies(mark -> {
            assertThat(mark.runId()).isEqualTo("run-new");
            assertThat(mark.redactionPolicy()).isEqualTo("2026-11-26.1");
        });
        assertThat(spark.read().format("delta").load(path).columns()).contains("redaction_policy_version");
    }
}
