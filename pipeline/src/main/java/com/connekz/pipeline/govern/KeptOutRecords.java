package com.connekz.pipeline.govern;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.xxhash64;

import com.connekz.pipeline.ingest.Source;
import com.connekz.pipeline.lake.SystemTable;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * {@code _system/redaction_kept_out}: the used records that redaction kept out of silver (e.g. an
 * example holding a health identifier), each as a hash of its natural key and its
 * {@link SilverFingerprint}. Silver holds no trace of such a record, so without this list every
 * night found it "new" and redacted it again. A record whose key and fingerprint are listed is
 * counted as kept out again without being read; one whose content, consent lineage or tenant
 * changed has another fingerprint and is redacted anew. Append-only; hashes only, no personal data.
 *
 * <p>What a hash collision can do: make a used record count as kept out, i.e. exclude it from
 * training. It can never put a record into silver.
 */
final class KeptOutRecords {
    /** Its folder under {@code _system/}. */
    static final String FOLDER = "redaction_kept_out";
    static final String KEY_HASH = "_kept_out_key_hash";
    static final String FINGERPRINT = "_kept_out_fingerprint";
    private static final StructType SCHEMA = new StructType()
            .add("source", DataTypes.StringType)
            .add("key_hash", DataTypes.LongType)
            .add("fingerprint", DataTypes.LongType)
            .add("run_id", DataTypes.StringType);

    private final SystemTable table;

    KeptOutRecords(SparkSession spark, String path) {
        this.table = new SystemTable(spark, path, SCHEMA, List.of("source", "run_id"));
    }

    /** The hash of a record's natural key, as listed. */
    static Column keyHash(Source source) {
        return xxhash64(col(source.naturalKey()));
    }

    /** {@value #KEY_HASH} and {@value #FINGERPRINT} of every record of {@code source} kept out so far, once each. */
    Dataset<Row> of(Source source) {
        return table.read().filter(col("source").equalTo(source.folder()))
                .select(col("key_hash").as(KEY_HASH), col("fingerprint").as(FINGERPRINT))
                .distinct();
    }

    /** Lists {@code records} (used records of {@code source} as redaction received them) in one commit. */
    void record(Source source, Dataset<Row> records, String runId) {
        table.append(records.select(lit(source.folder()).as("source"), keyHash(source).as("key_hash"),
                SilverFingerprint.of().as("fingerprint"), lit(runId).as("run_id")));
    }
}
