package com.connekz.pipeline.audit;

import com.connekz.pipeline.deletion.DeletionLedger;
import com.connekz.pipeline.deletion.LedgerEntry;
import com.connekz.pipeline.hashing.KeyedHash;
import com.connekz.pipeline.lake.Lake;
import java.util.Optional;
import org.apache.spark.sql.SparkSession;

/**
 * {@code audit deletion REQUEST_ID}: when and where a deletion request was applied and purged. The
 * ledger holds keyed hashes only, so the given id is hashed with the run's key and looked up.
 */
public final class DeletionAudit {
    private final DeletionLedger ledger;
    private final KeyedHash hash;

    public DeletionAudit(SparkSession spark, Lake lake, KeyedHash hash) {
        this.ledger = new DeletionLedger(spark, lake);
        this.hash = hash;
    }

    /** The ledger entry of the request, or empty when no request with that id was ever applied. */
    public Optional<LedgerEntry> find(String requestId) {
        return ledger.find(hash.of(requestId));
    }
}
