package com.connekz.pipeline.redact.spark;

import com.connekz.pipeline.config.HashKey;
import com.connekz.pipeline.govern.RedactionHook;
import com.connekz.pipeline.ingest.Source;
import com.connekz.pipeline.redact.RedactedExample;
import com.connekz.pipeline.redact.RedactedText;
import com.connekz.pipeline.redact.RedactionEngine;
import com.connekz.pipeline.redact.RedactionPolicy;
import java.io.Serializable;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.function.FlatMapGroupsFunction;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import scala.jdk.javaapi.CollectionConverters;

/**
 * Redacts the text fields of one source's records on Spark, with one engine per executor JVM.
 * Chats are redacted a conversation at a time (pseudonyms and name propagation span the
 * conversation), a call with its segments and summary together, an API request with its prompt and
 * output, a memory alone. Every other column passes through unchanged; three columns are added:
 * {@value #ENTITIES} (count per entity type), {@value #DROPPED} (the type that makes the record
 * unusable, or null) and {@value #POLICY_VERSION}.
 */
public final class SparkRedaction implements Serializable {
    public static final String ENTITIES = "redaction_entities";
    public static final String DROPPED = "redaction_dropped";
    public static final String POLICY_VERSION = RedactionHook.POLICY_VERSION;
    private static final long serialVersionUID = 1L;

    private final EngineSpec spec;

    public SparkRedaction(RedactionPolicy policy, HashKey key) {
        this.spec = new EngineSpec(policy, key);
    }

    /** The version of the redaction policy this adapter applies. */
    public String policyVersion() {
        return spec.policyVersion();
    }

    /** The schema of the result for an input schema: the input's columns plus the three above. */
    public static StructType outputSchema(StructType input) {
        return input.add(ENTITIES, DataTypes.createMapType(DataTypes.StringType, DataTypes.LongType), false)
                .add(DROPPED, DataTypes.StringType, true)
                .add(POLICY_VERSION, DataTypes.StringType, false);
    }

    /** The records with their text fields redacted; the source must be one that holds text. */
    public Dataset<Row> redact(Source source, Dataset<Row> records) {
        StructType schema = records.schema();
        StructType output = outputSchema(schema);
        RecordRedactor redactor = redactor(source, schema);
        if (source == Source.CHATS) {
            int conversation = schema.fieldIndex("conversation_id");
            return records
                    .groupByKey((MapFunction<Row, String>) row -> row.getString(conversation), Encoders.STRING())
                    .flatMapGroups((FlatMapGroupsFunction<String, Row, Row>) (id, rows) -> redactor.conversation(rows),
                            Encoders.row(output));
        }
        return records.mapPartitions((MapPartitionsFunction<Row, Row>) rows -> redactor.each(rows), Encoders.row(output));
    }

    /** The per-record work of {@link #redact} for records of {@code schema}, to run without Spark (a benchmark). */
    RecordRedactor redactor(Source source, StructType schema) {
        return new RecordRedactor(source, schema, spec);
    }

    /** The per-record work, serialised to the executors. */
    static final class RecordRedactor implements Serializable {
        private static final long serialVersionUID = 1L;
        private final Source source;
        private final EngineSpec spec;
        private final int[] textFields;
        private final int segments;
        private final int createdAt;
        private final int messageId;

        RecordRedactor(Source source, StructType schema, EngineSpec spec) {
            this.source = source;
            this.spec = spec;
            this.textFields = switch (source) {
                case CHATS -> indices(schema, "text", "attachments_text");
                case MEMORIES -> indices(schema, "text");
                case CALLS -> indices(schema, "summary");
                case API -> indices(schema, "prompt", "output");
                default -> throw new IllegalArgumentException("source " + source + " holds no text to redact");
            };
            this.segments = source == Source.CALLS ? schema.fieldIndex("segments") : -1;
            this.createdAt = source == Source.CHATS ? schema.fieldIndex("created_at") : -1;
            this.messageId = source == Source.CHATS ? schema.fieldIndex("message_id") : -1;
        }

        private static int[] indices(StructType schema, String... names) {
            List<Integer> found = new ArrayList<>();
            for (String name : names) {
                if (List.of(schema.fieldNames()).contains(name)) {
                    found.add(schema.fieldIndex(name));
                }
            }
            return found.stream().mapToInt(Integer::intValue).toArray();
        }

        Iterator<Row> each(Iterator<Row> rows) {
            RedactionEngine engine = spec.engine();
            return new Iterator<>() {
                @Override
                public boolean hasNext() {
                    return rows.hasNext();
                }

                @Override
                public Row next() {
                    return redactTogether(engine, List.of(rows.next())).get(0);
                }
            };
        }

        /** The messages of one conversation, in time order so that numbering follows the talk. */
        Iterator<Row> conversation(Iterator<Row> rows) {
            List<Row> messages = new ArrayList<>();
            rows.forEachRemaining(messages::add);
            messages.sort(Comparator.comparing((Row row) -> (Timestamp) row.get(createdAt),
                    Comparator.nullsLast(Comparator.naturalOrder())).thenComparing(row -> row.getString(messageId),
                    Comparator.nullsLast(Comparator.naturalOrder())));
            return redactTogether(spec.engine(), messages).iterator();
        }

        private static RedactedText take(RedactedExample example, int index, Map<String, Long> counts) {
            RedactedText text = example.texts().get(index);
            text.entities().forEach(entity -> counts.merge(entity.type(), 1L, Long::sum));
            return text;
        }

        private List<Row> redactTogether(RedactionEngine engine, List<Row> rows) {
            RedactedExample example = engine.redactExample(texts(rows));
            List<Row> out = new ArrayList<>(rows.size());
            int next = 0;
            for (Row row : rows) {
                Map<String, Long> counts = new java.util.TreeMap<>();
                Object[] values = new Object[row.length() + 3];
                for (int i = 0; i < row.length(); i++) {
                    values[i] = row.get(i);
                }
                for (int field : textFields) {
                    values[field] = take(example, next++, counts).text();
                }
                if (segments >= 0 && !row.isNullAt(segments)) {
                    List<Row> redacted = new ArrayList<>();
                    for (Row segment : row.<Row>getList(segments)) {
                        String text = take(example, next++, counts).text();
                        redacted.add(segment == null ? null
                                : RowFactory.create(segment.get(0), segment.get(1), segment.get(2), text));
                    }
                    values[segments] = CollectionConverters.asScala(redacted).toSeq();
                }
                values[row.length()] = CollectionConverters.asScala(counts);
                values[row.length() + 1] = example.droppedBy();
                values[row.length() + 2] = spec.policyVersion();
                out.add(RowFactory.create(values));
            }
            return out;
        }

        /** The texts of {@code rows} in the order the engine gets them: each row's text fields, then its segments. */
        List<String> texts(List<Row> rows) {
            List<String> texts = new ArrayList<>();
            for (Row row : rows) {
                for (int field : textFields) {
                    texts.add(row.isNullAt(field) ? null : row.getString(field));
                }
                if (segments >= 0 && !row.isNullAt(segments)) {
                    for (Row segment : row.<Row>getList(segments)) {
                        texts.add(segment == null || segment.isNullAt(3) ? null : segment.getString(3));
                    }
                }
            }
            return texts;
        }
    }
}
