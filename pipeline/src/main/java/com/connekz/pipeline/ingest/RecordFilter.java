package com.connekz.pipeline.ingest;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Removes landed records that must not enter bronze again (records whose deletion was requested).
 * Ingestion asks it which records it holds back, to count them.
 */
public interface RecordFilter {

    /** The records of {@code candidates} (bronze columns of {@code source}) that must not be ingested. */
    Dataset<Row> heldBack(Dataset<Row> candidates, Source source);

    /** Holds nothing back. */
    RecordFilter NONE = (candidates, source) -> candidates.limit(0);
}
