package com.connekz.pipeline.testing;

import com.connekz.pipeline.config.ConfigLoader;
import com.connekz.pipeline.config.HashKey;
import com.connekz.pipeline.config.PipelineConfig;
import com.connekz.pipeline.hashing.KeyedHash;
import com.connekz.pipeline.ingest.BronzeSchema;
import com.connekz.pipeline.ingest.Source;
import com.connekz.pipeline.lake.Lake;
import com.connekz.pipeline.run.RunContext;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * A lake in a temporary folder with bronze, quarantine and silver tables of the shapes the other
 * stages write, filled from plain maps; ingestion metadata is made up.
 */
public final class TestLake {
    public static final HashKey KEY = new HashKey("test-key".getBytes(StandardCharsets.UTF_8), false);
    public static final StructType QUARANTINE = new StructType()
            .add("source", DataTypes.StringType).add("file", DataTypes.StringType).add("line", DataTypes.LongType)
            .add("reason", DataTypes.StringType).add("field", DataTypes.StringType).add("raw_line", DataTypes.StringType)
            .add("run_id", DataTypes.StringType).add("quarantined_at", DataTypes.TimestampType);

    private final SparkSession spark;
    private final Path root;
    private final String batch = UUID.randomUUID().toString().substring(0, 8);
    private long line;

    public TestLake(SparkSession spark, Path root) {
        this.spark = spark;
        this.root = root;
    }

    public Lake lake() {
        return new Lake(root.toString());
    }

    public KeyedHash hash() {
        return new KeyedHash(KEY);
    }

    public RunContext context(String command, int retentionHours) {
        PipelineConfig config;
        try {
            config = ConfigLoader.load(Files.createTempFile("pipeline", ".yaml"),
                    Map.of("landing", root.toString(), "lake", root.toString(),
                            "deletion.retention_hours", String.valueOf(retentionHours)));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return new RunContext(spark, config, KEY, "run-" + UUID.randomUUID(), command, LocalDate.of(2026, 11, 25), Instant.now());
    }

    public static Map<String, Object> record(Object... keysAndValues) {
        Map<String, Object> record = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            record.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return record;
    }

    public static Row segment(String speaker, long startMs, String text) {
        return RowFactory.create(speaker, startMs, startMs + 1000, text);
    }

    public void bronze(Source source, List<Map<String, Object>> records) {
        append(lake().bronze(source), rows(BronzeSchema.of(source), source, records, false), BronzeSchema.of(source));
    }

    /** Silver rows: the bronze columns plus tenant, subject, consent events and the govern run. */
    public void silver(Source source, List<Map<String, Object>> records) {
        StructType schema = silverSchema(source);
        append(lake().silver(source), rows(schema, source, records, true), schema);
    }

    /** Replaces a silver table's content (e.g. without a withdrawn record). */
    public void replaceSilver(Source source, List<Map<String, Object>> records) {
        StructType schema = silverSchema(source);
        spark.createDataFrame(rows(schema, source, records, true), schema).write().format("delta").mode("overwrite")
                .save(lake().silver(source));
    }

    public void quarantine(String source, String rawLine) {
        Row row = RowFactory.create(source, "landing/" + source + "/dt=2026-11-20/bad-" + batch + ".jsonl", ++line, "invalid_json", null,
                rawLine, "run-ingest", Timestamp.from(Instant.now()));
        append(lake().quarantine(), List.of(row), QUARANTINE);
    }

    public static StructType silverSchema(Source source) {
        return BronzeSchema.of(source)
                .add("tenant", DataTypes.StringType)
                .add("subject_id", DataTypes.StringType)
                .add("consent_event_ids", DataTypes.createArrayType(DataTypes.StringType))
                .add("_govern_run_id", DataTypes.StringType);
    }

    private List<Row> rows(StructType schema, Source source, List<Map<String, Object>> records, boolean silver) {
        List<Row> rows = new ArrayList<>();
        for (Map<String, Object> record : records) {
            Map<String, Object> values = new LinkedHashMap<>(record);
            values.putIfAbsent(BronzeSchema.RUN_ID, "run-ingest");
            values.putIfAbsent(BronzeSchema.SOURCE_FILE, "landing/" + source.folder() + "/dt=2026-11-20/part-" + batch + ".jsonl");
            values.putIfAbsent(BronzeSchema.LINE, ++line);
            values.putIfAbsent(BronzeSchema.INGESTED_AT, Instant.parse("2026-11-21T00:00:00Z"));
            values.putIfAbsent(BronzeSchema.CONTENT_HASH, Integer.toHexString(record.hashCode()));
            if (silver) {
                String subject = (String) record.get(source == Source.API ? "developer_id" : "user_id");
                values.putIfAbsent("tenant", source == Source.API ? "instance:" + record.get("instance_id") : "assistant");
                values.putIfAbsent("subject_id", subject);
                values.putIfAbsent("consent_event_ids", List.of("consent-1"));
                values.putIfAbsent("_govern_run_id", "run-govern");
            }
            Object[] cells = new Object[schema.size()];
            int i = 0;
            for (StructField field : schema.fields()) {
                cells[i++] = convert(values.get(field.name()));
            }
            rows.add(RowFactory.create(cells));
        }
        return rows;
    }

    private static Object convert(Object value) {
        if (value instanceof Instant instant) {
            return Timestamp.from(instant);
        }
        if (value instanceof LocalDate date) {
            return Date.valueOf(date);
        }
        if (value instanceof Integer number) {
            return number.longValue();
        }
        return value;
    }

    private void append(String path, List<Row> rows, StructType schema) {
        Dataset<Row> frame = spark.createDataFrame(rows, schema);
        frame.write().format("delta").mode("append").save(path);
    }
}
