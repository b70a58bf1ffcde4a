package com.connekz.pipeline.datasets;

import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.lit;

import com.connekz.pipeline.hashing.KeyedHash;
import com.connekz.pipeline.ingest.Source;
import org.apache.spark.sql.Column;

/**
 * Keyed hashes that stand in for identifiers outside bronze and silver. Every part of the pipeline
 * that must find a record again (deletion, audit) derives its hashes here, so they always agree.
 */
public final class RecordKeys {
    private RecordKeys() {}

    /** The hash of one source record's natural key, prefixed by its source so keys never collide. */
    public static Column record(KeyedHash hash, Source source, Column naturalKey) {
        return hash.column(concat(lit(source.folder() + "/"), naturalKey));
    }

    public static String record(KeyedHash hash, Source source, String naturalKey) {
        return hash.of(source.folder() + "/" + naturalKey);
    }

    /** The hash of an example's key: its kind and the natural key of what it was built from. */
    public static Column example(KeyedHash hash, String kind, Column naturalKey) {
        return hash.column(concat(lit(kind + "/"), naturalKey));
    }

    /** The hash of a person (user or developer); the same in gold, the ledger and the tombstones. */
    public static Column subject(KeyedHash hash, Column subjectId) {
        return hash.column(subjectId);
    }

    public static String subject(KeyedHash hash, String subjectId) {
        return hash.of(subjectId);
    }
}
