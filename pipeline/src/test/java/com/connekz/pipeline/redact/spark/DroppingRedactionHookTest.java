package com.connekz.pipeline.redact.spark;

import static org.assertj.core.api.Assertions.assertThat;

import com.connekz.pipeline.config.HashKey;
import com.connekz.pipeline.govern.RedactionHook;
import com.connekz.pipeline.ingest.BronzeSchema;
import com.connekz.pipeline.ingest.Source;
import com.connekz.pipeline.redact.RedactionPolicy;
import com.connekz.pipeline.run.SourceCounts;
import com.connekz.pipeline.testing.SharedSpark;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

class DroppingRedactionHookTest {
    private static final HashKey KEY = new HashKey("hook-test".getBytes(StandardCharsets.UTF_8), true);

    @Test
    void keepsDropListedExamplesOutAndCountsThemAsExcludedUnderTheirReason() {
        StructType schema = BronzeSchema.of(Source.CHATS);
        Dataset<Row> used = SharedSpark.session().createDataFrame(List.of(
                SparkRedactionTest.chat(schema, "m1", "c1", "Can you book the dentist for Friday?", null, 1),
                SparkRedactionTest.chat(schema, "m2", "c2", "my NHI is ZSC21TN", null, 1),
                SparkRedactionTest.chat(schema, "m3", "c2", "and what time is it?", null, 2)), schema);
        DroppingRedactionHook hook = new DroppingRedactionHook(new SparkRedaction(RedactionPolicy.shipped(), KEY));

        List<Row> kept = hook.redact(Source.CHATS, used).collectAsList();
        SourceCounts governed = SourceCounts.governed(3, Map.of()).plus(hook.keptOut(Source.CHATS));

        assertThat(kept).extracting(row -> row.<String>getAs("message_id")).containsExactly("m1");
        assertThat(kept).extracting(row -> row.<String>getAs(RedactionHook.POLICY_VERSION))
                .containsExactly(RedactionPolicy.shipped().version());
        assertThat(governed.used()).isEqualTo(1);
        assertThat(governed.excludedByReason()).containsExactly(Map.entry(DroppingRedactionHook.REASON, 2L));
        assertThat(governed.used() + governed.excluded()).isEqualTo(3);
        assertThat(hook.keptOut(Source.CHATS)).isEqualTo(SourceCounts.none());
    }

    @Test
    void passesSourcesWithoutTextThroughUncounted() {
        StructType schema = BronzeSchema.of(Source.CHATS);
        Dataset<Row> consent = SharedSpark.session().createDataFrame(List.of(
                SparkRedactionTest.chat(schema, "m1", "c1", "my NHI is ZSC21TN", null, 1)), schema);
        DroppingRedactionHook hook = new DroppingRedactionHook(new SparkRedaction(RedactionPolicy.shipped(), KEY));

        assertThat(hook.redact(Source.CONSENT, consent).count()).isEqualTo(1);
        assertThat(hook.keptOut(Source.CONSENT)).isEqualTo(SourceCounts.none());
        assertThat(hook.policyVersion(Source.CONSENT)).as("stored as it is: no policy to redo it under").isEmpty();
        assertThat(hook.policyVersion(Source.CALLS)).contains(RedactionPolicy.shipped().version());
    }
}
