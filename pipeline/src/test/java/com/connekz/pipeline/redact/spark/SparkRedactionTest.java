package com.connekz.pipeline.redact.spark;

import static org.assertj.core.api.Assertions.assertThat;

import com.connekz.pipeline.config.HashKey;
import com.connekz.pipeline.ingest.BronzeSchema;
import com.connekz.pipeline.ingest.Source;
import com.connekz.pipeline.redact.RedactionPolicy;
import com.connekz.pipeline.testing.SharedSpark;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

class SparkRedactionTest {
    private static final HashKey KEY = new HashKey("spark-test".getBytes(StandardCharsets.UTF_8), true);
    private static final SparkRedaction REDACTION = new SparkRedaction(RedactionPolicy.shipped(), KEY);

    @Test
    void chatPseudonymsAreConsistentWithinAConversationAndCountedPerMessage() {
        StructType schema = BronzeSchema.of(Source.CHATS);
        List<Row> rows = List.of(
                chat(schema, "m1", "c1", "My name is Hemi Walker, call me on 021 555 0199", null, 1),
                chat(schema, "m2", "c1", "Sure Hemi, noted.", "attached: Hemi's CV", 2),
                chat(schema, "m3", "c2", "my NHI is ZSC21TN", null, 1));
        Dataset<Row> input = SharedSpark.session().createDataFrame(rows, schema);

        List<Row> out = new ArrayList<>(REDACTION.redact(Source.CHATS, input).collectAsList());
        out.sort(Comparator.comparing(row -> row.<String>getAs("message_id")));

        assertThat(out.get(0).<String>getAs("text")).isEqualTo("My name is <PERSON_1>, call me on <PHONE_NUMBER_1>");
        assertThat(out.get(1).<String>getAs("text")).isEqualTo("Sure <PERSON_1>, noted.");
        assertThat(out.get(1).<String>getAs("attachments_text")).doesNotContain("Hemi");
        assertThat(out.get(0).getJavaMap(out.get(0).fieldIndex(SparkRedaction.ENTITIES)))
                .containsEntry("PERSON", 1L).containsEntry("PHONE_NUMBER", 1L);
        assertThat(out.get(0).<String>getAs(SparkRedaction.DROPPED)).isNull();
        assertThat(out.get(2).<String>getAs(SparkRedaction.DROPPED)).isEqualTo("NZ_NHI");
        assertThat(out.get(2).<String>getAs(SparkRedaction.POLICY_VERSION)).isEqualTo(RedactionPolicy.shipped().version());
        assertThat(out.get(0).<String>getAs("user_id")).isEqualTo("u-c1");
    }

    @Test
    void callSegmentsAreRedactedOneByOneKeepingSpeakersAndTimes() {
        StructType schema = BronzeSchema.of(Source.CALLS);
        Object[] values = new Object[schema.size()];
        values[schema.fieldIndex("call_id")] = "call-1";
        values[schema.fieldIndex("user_id")] = "u1";
        values[schema.fieldIndex("started_at")] = new Timestamp(0);
        values[schema.fieldIndex("segments")] = Arrays.asList(
                RowFactory.create("agent", 0L, 1500L, "Kia ora, who am I speaking with?"),
                RowFactory.create("caller", 1500L, 4000L, "My name is Tama Rewi, my number is oh two one five five five zero one nine nine"),
                RowFactory.create("agent", 4000L, 5000L, "Thanks Tama"));
        values[schema.fieldIndex("summary")] = "Tama Rewi called about a booking";
        fillMetadata(schema, values);
        Dataset<Row> input = SharedSpark.session().createDataFrame(List.of(RowFactory.create(values)), schema);

        Row out = REDACTION.redact(Source.CALLS, input).collectAsList().get(0);

        List<Row> segments = out.getList(out.fieldIndex("segments"));
        assertThat(segments).hasSize(3);
        assertThat(segments.get(1).getString(0)).isEqualTo("caller");
        assertThat(segments.get(1).getLong(1)).isEqualTo(1500L);
        assertThat(segments.get(1).getLong(2)).isEqualTo(4000L);
        assertThat(segments.get(1).getString(3)).doesNotContain("Tama", "nine nine");
        assertThat(segments.get(2).getString(3)).isEqualTo("Thanks <PERSON_1>");
        assertThat(out.<String>getAs("summary")).isEqualTo("<PERSON_1> called about a booking");
    }

    @Test
    void apiPromptAndOutputShareOnePseudonymSpace() {
        StructType schema = BronzeSchema.of(Source.API);
        Object[] values = new Object[schema.size()];
        values[schema.fieldIndex("request_id")] = "r1";
        values[schema.fieldIndex("instance_id")] = "i1";
        values[schema.fieldIndex("developer_id")] = "d1";
        values[schema.fieldIndex("prompt")] = "Draft a letter to Dr Anahera Smith";
        values[schema.fieldIndex("output")] = "Dear Anahera, ...";
        values[schema.fieldIndex("created_at")] = new Timestamp(0);
        fillMetadata(schema, values);
        Row out = REDACTION.redact(Source.API, SharedSpark.session().createDataFrame(List.of(RowFactory.create(values)), schema))
                .collectAsList().get(0);
        assertThat(out.<String>getAs("prompt")).isEqualTo("Draft a letter to Dr <PERSON_1>");
        assertThat(out.<String>getAs("output")).isEqualTo("Dear <PERSON_1>, ...");
        Map<String, Long> counts = out.getJavaMap(out.fieldIndex(SparkRedaction.ENTITIES));
        assertThat(counts).containsEntry("PERSON", 2L);
    }

    static Row chat(StructType schema, String id, String conversation, String text, String attachments, long second) {
        Object[] values = new Object[schema.size()];
        values[schema.fieldIndex("message_id")] = id;
        values[schema.fieldIndex("conversation_id")] = conversation;
        values[schema.fieldIndex("user_id")] = "u-" + conversation;
        values[schema.fieldIndex("role")] = "user";
        values[schema.fieldIndex("text")] = text;
        values[schema.fieldIndex("created_at")] = new Timestamp(second * 1000);
        values[schema.fieldIndex("attachments_text")] = attachments;
        fillMetadata(schema, values);
        return RowFactory.create(values);
    }

    private static void fillMetadata(StructType schema, Object[] values) {
        values[schema.fieldIndex(BronzeSchema.RUN_ID)] = "run";
        values[schema.fieldIndex(BronzeSchema.SOURCE_FILE)] = "file";
        values[schema.fieldIndex(BronzeSchema.LINE)] = 1L;
        values[schema.fieldIndex(BronzeSchema.INGESTED_AT)] = new Timestamp(0);
        values[schema.fieldIndex(BronzeSchema.CONTENT_HASH)] = "hash";
    }
}
