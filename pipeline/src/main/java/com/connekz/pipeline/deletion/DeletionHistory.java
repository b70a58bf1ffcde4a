package com.connekz.pipeline.deletion;

import com.connekz.pipeline.lake.Lake;
import java.util.List;
import org.apache.spark.sql.SparkSession;

/**
 * Every deletion request of the ledger from request to purge, for reviewing time to erase. Keyed
 * hashes only, as the ledger holds them.
 */
public final class DeletionHistory {
    private final DeletionLedger ledger;

    public DeletionHistory(SparkSession spark, Lake lake) {
        this.ledger = new DeletionLedger(spark, lake);
    }

    /** Every ledger entry, in the order the requests were made; empty when there is no ledger yet. */
    public List<LedgerEntry> all() {
        return ledger.read().orderBy("requested_at", "applied_at", "request_hash")
                .collectAsList().stream().map(DeletionLedger::entry).toList();
    }
}
