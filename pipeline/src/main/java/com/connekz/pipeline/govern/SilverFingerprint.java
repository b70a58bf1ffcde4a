package com.connekz.pipeline.govern;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.size;
import static org.apache.spark.sql.functions.when;
import static org.apache.spark.sql.functions.xxhash64;

import com.connekz.pipeline.ingest.BronzeSchema;
import org.apache.spark.sql.Column;

/**
 * One 64-bit stand-in for everything of a used record that its silver row depends on: the content
 * hash, the consent lineage and the tenant. Change detection compares it instead of those columns,
 * so the join of a run's decisions with silver's rows shuffles and compares a key and one long
 * rather than a 64-character hash and an array per record. Silver stores no fingerprint: it is
 * computed from silver's own columns when read, so every existing silver table works unchanged.
 *
 * <p>What a collision can and cannot do: whether a record is used (its exclusion reason) and
 * whether silver holds its key are compared exactly, never through the fingerprint. A withdrawal,
 * a deleted account or a record gone from bronze therefore always removes the row. The fingerprint
 * only decides whether a record that is used and already in silver must be rewritten; two different
 * (content, lineage, tenant) triples of one key agree with probability about 2<sup>-64</sup>, and
 * then silver keeps the record's previous row of the same key, which the same consent still allows
 * (it cannot keep a row that a withdrawal or deletion excludes). The lineage's length is hashed
 * before its elements so that no shift of event ids between array and neighbouring columns yields
 * the same sequence of hashed values.
 */
final class SilverFingerprint {
    /** The fingerprint column: a long, null for a record that is not used. */
    static final String COLUMN = "_silver_fingerprint";

    private SilverFingerprint() {}

    /** The fingerprint of a silver row, or of a decided record whatever its decision. */
    static Column of() {
        Column lineage = col(Governance.CONSENT_EVENT_IDS);
        return xxhash64(col(BronzeSchema.CONTENT_HASH), size(lineage), lineage, col(Governance.TENANT));
    }

    /** The fingerprint of a decided record when it is used, null when it is excluded. */
    static Column ofDecision() {
        return when(col(Governance.EXCLUSION_REASON).isNull(), of()).otherwise(lit(null).cast("long"));
    }
}
