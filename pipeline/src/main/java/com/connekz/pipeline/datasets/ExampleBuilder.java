package com.connekz.pipeline.datasets;

import static com.connekz.pipeline.datasets.GoldSchema.CONTENT_HASH;
import static com.connekz.pipeline.datasets.GoldSchema.CREATED_AT;
import static com.connekz.pipeline.datasets.GoldSchema.EXAMPLE_ID;
import static com.connekz.pipeline.datasets.GoldSchema.KIND;
import static com.connekz.pipeline.datasets.GoldSchema.LINEAGE;
import static com.connekz.pipeline.datasets.GoldSchema.MESSAGES;
import static com.connekz.pipeline.datasets.GoldSchema.SOURCE_RECORD_KEYS;
import static com.connekz.pipeline.datasets.GoldSchema.SPLIT;
import static com.connekz.pipeline.datasets.GoldSchema.SUBJECT_HASH;
import static com.connekz.pipeline.datasets.GoldSchema.SUMMARY;
import static com.connekz.pipeline.datasets.GoldSchema.TENANT;
import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.conv;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.first;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.sha2;
import static org.apache.spark.sql.functions.sort_array;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.substring;
import static org.apache.spark.sql.functions.to_json;
import static org.apache.spark.sql.functions.when;

import com.connekz.pipeline.hashing.KeyedHash;
import com.connekz.pipeline.ingest.BronzeSchema;
import com.connekz.pipeline.ingest.Source;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;

/**
 * Turns silver records into training examples (gold rows), one per conversation, call, memory or
 * API request, for every tenant at once. A pure transform: it reads nothing and writes nothing.
 *
 * <p>How each kind becomes {@code messages}:
 * <ul>
 *   <li>chat: every message of one conversation in time order, the message's role kept as is;</li>
 *   <li>call: its segments in order of {@code start_ms}; a speaker named {@code assistant},
 *       {@code agent}, {@code ai}, {@code bot} or {@code connekz} (any case) speaks as
 *       {@code assistant}, every other speaker (the user and any other party) as {@code user}; the
 *       call's summary goes in the {@code summary} column, not among the turns, so a trainer can use
 *       it as a target or leave it out;</li>
 *   <li>memory: one {@code assistant} message holding the memory's text;</li>
 *   <li>api: the prompt as {@code user}, then the output as {@code assistant}.</li>
 * </ul>
 * The split is {@code validation} for about 5% of examples, chosen by the example's keyed hash, so an
 * example keeps its split in every version.
 */
public final class ExampleBuilder {
    public static final String CHAT = "chat";
    public static final String CALL = "call";
    public static final String MEMORY = "memory";
    public static final String API = "api";
    static final int VALIDATION_PERCENT = 5;

    static final String SILVER_TENANT = "tenant";
    static final String SILVER_SUBJECT = "subject_id";
    static final String SILVER_GOVERN_RUN = "_govern_run_id";

    private final KeyedHash hash;

    public ExampleBuilder(KeyedHash hash) {
        this.hash = hash;
    }

    /** Every example the given silver tables make; a source that is absent makes none. */
    public Dataset<Row> build(Map<Source, Dataset<Row>> silver) {
        List<Dataset<Row>> kinds = new ArrayList<>();
        if (silver.containsKey(Source.CHATS)) {
            kinds.add(chats(silver.get(Source.CHATS)));
        }
        if (silver.containsKey(Source.CALLS)) {
            kinds.add(calls(silver.get(Source.CALLS)));
        }
        if (silver.containsKey(Source.MEMORIES)) {
            kinds.add(memories(silver.get(Source.MEMORIES)));
        }
        if (silver.containsKey(Source.API)) {
            kinds.add(api(silver.get(Source.API)));
        }
        return kinds.stream().reduce(Dataset::unionByName).map(this::finish)
                .orElseThrow(() -> new IllegalArgumentException("no silver table to build examples from"));
    }

    Dataset<Row> chats(Dataset<Row> chats) {
        Column turn = struct(
                col("created_at").as("at"),
                col("message_id").as("id"),
                col("role").as("role"),
                col("text").as("content"),
                lineage(Source.CHATS, col("message_id")).as("lineage"));
        // The turn is projected before grouping: keyed hashes may not appear inside an aggregate.
        return chats
                .withColumn("turn", turn)
                .groupBy(col(SILVER_TENANT), col("conversation_id"))
                .agg(sort_array(collect_list(col("turn"))).as("turns"),
                        min("created_at").as(CREATED_AT),
                        first(SILVER_SUBJECT).as(SILVER_SUBJECT))
                .select(
                        RecordKeys.example(hash, CHAT, col("conversation_id")).as(EXAMPLE_ID),
                        lit(CHAT).as(KIND),
                        expr("transform(turns, t -> named_struct('role', t.role, 'content', t.content))").as(MESSAGES),
                        lit(null).cast(DataTypes.StringType).as(SUMMARY),
                        col(SILVER_TENANT).as(TENANT),
                        RecordKeys.subject(hash, col(SILVER_SUBJECT)).as(SUBJECT_HASH),
                        col(CREATED_AT),
                        expr("transform(turns, t -> t.lineage.record_key_hash)").as(SOURCE_RECORD_KEYS),
                        expr("transform(turns, t -> t.lineage)").as(LINEAGE));
    }

    Dataset<Row> calls(Dataset<Row> calls) {
        String assistantSpeakers = "lower(s.speaker) IN ('assistant', 'agent', 'ai', 'bot', 'connekz')";
        Column turns = expr("transform(sort_array(transform(segments, s -> named_struct("
                + "'start_ms', s.start_ms, 'end_ms', s.end_ms, "
                + "'role', CASE WHEN " + assistantSpeakers + " THEN 'assistant' ELSE 'user' END, "
                + "'content', s.text))), t -> named_struct('role', t.role, 'content', t.content))");
        return single(calls, CALL, Source.CALLS, col("call_id"), turns, col("summary"), col("started_at"));
    }

    Dataset<Row> memories(Dataset<Row> memories) {
        Column turns = array(message("assistant", col("text")));
        return single(memories, MEMORY, Source.MEMORIES, col("memory_id"), turns, nullText(), col("created_at"));
    }

    Dataset<Row> api(Dataset<Row> api) {
        Column turns = array(message("user", col("prompt")), message("assistant", col("output")));
        return single(api, API, Source.API, col("request_id"), turns, nullText(), col("created_at"));
    }

    private Dataset<Row> single(Dataset<Row> records, String kind, Source source, Column naturalKey,
                                Column messages, Column summary, Column createdAt) {
        Column entry = lineage(source, naturalKey);
        return records.select(
                RecordKeys.example(hash, kind, naturalKey).as(EXAMPLE_ID),
                lit(kind).as(KIND),
                messages.as(MESSAGES),
                summary.as(SUMMARY),
                col(SILVER_TENANT).as(TENANT),
                RecordKeys.subject(hash, col(SILVER_SUBJECT)).as(SUBJECT_HASH),
                createdAt.as(CREATED_AT),
                array(entry.getField("record_key_hash")).as(SOURCE_RECORD_KEYS),
                array(entry).as(LINEAGE));
    }

    /** Adds what is derived from the example itself: its split and the hash of its content. */
    private Dataset<Row> finish(Dataset<Row> examples) {
        Column bucket = conv(substring(col(EXAMPLE_ID), 1, 8), 16, 10).cast(DataTypes.LongType).mod(100);
        return examples
                .withColumn(SPLIT, when(bucket.lt(VALIDATION_PERCENT), lit(GoldSchema.VALIDATION))
                        .otherwise(lit(GoldSchema.TRAIN)))
                .withColumn(CONTENT_HASH, sha2(to_json(struct(col(KIND), col(MESSAGES), col(SUMMARY), col(TENANT))), 256))
                .select(EXAMPLE_ID, KIND, MESSAGES, SUMMARY, SPLIT, TENANT, SUBJECT_HASH, CREATED_AT,
                        SOURCE_RECORD_KEYS, LINEAGE, CONTENT_HASH);
    }

    private Column lineage(Source source, Column naturalKey) {
        return struct(
                lit(source.folder()).as("source"),
                RecordKeys.record(hash, source, naturalKey).as("record_key_hash"),
                col(BronzeSchema.SOURCE_FILE).as("bronze_file"),
                col(BronzeSchema.LINE).as("bronze_line"),
                col(BronzeSchema.RUN_ID).as("bronze_run_id"),
                col(SILVER_GOVERN_RUN).as("govern_run_id"));
    }

    private static Column message(String role, Column content) {
        return struct(lit(role).as("role"), content.as("content"));
    }

    private static Column nullText() {
        return lit(null).cast(DataTypes.StringType);
    }
}
