package com.connekz.pipeline.ingest;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Decides which landed records may enter bronze: records whose deletion was already requested may
 * not come back. Returning {@code candidates} itself means nothing was held back.
 */
public interface RecordFilter {

    /** The records of {@code candidates} (bronze columns of {@code source}) that may be ingested. */
    Dataset<Row> admit(Dataset<Row> candidates, Source source);

    /** Admits everything. */
    RecordFilter NONE = (candidates, source) -> candidates;
}
