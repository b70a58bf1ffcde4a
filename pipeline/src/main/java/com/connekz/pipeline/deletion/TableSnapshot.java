package com.connekz.pipeline.deletion;

import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.delta.DeltaLog;
import org.apache.spark.sql.delta.Snapshot;
import scala.Option;

/**
 * What the deletion needs to know of a table's latest version, read from its transaction log
 * (protocol, properties, version) without the Spark jobs that {@code DESCRIBE DETAIL} or
 * {@code DESCRIBE HISTORY} run over every file of a large table.
 */
final class TableSnapshot {
    private static final String DELETION_VECTORS_FEATURE = "deletionVectors";
    private final Snapshot snapshot;

    private TableSnapshot(Snapshot snapshot) {
        this.snapshot = snapshot;
    }

    static TableSnapshot latest(SparkSession spark, String path) {
        return new TableSnapshot(DeltaLog.forTable(spark, path).update(false, Option.empty(), Option.empty()));
    }

    long version() {
        return snapshot.version();
    }

    /**
     * Whether any file may carry a deletion vector: the protocol allows them. A table whose property
     * {@code delta.enableDeletionVectors} was switched off later still supports the feature, so the
     * protocol, not the property, decides.
     */
    boolean mayHoldDeletionVectors() {
        return snapshot.protocol().writerFeatureNames().contains(DELETION_VECTORS_FEATURE);
    }

    /** The value of table property {@code key}, or null. */
    String property(String key) {
        return snapshot.metadata().configuration().get(key).getOrElse(() -> null);
    }
}
