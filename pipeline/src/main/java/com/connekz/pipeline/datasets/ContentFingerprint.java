package com.connekz.pipeline.datasets;

import static com.connekz.pipeline.datasets.GoldSchema.CONTENT_HASH;
import static com.connekz.pipeline.datasets.GoldSchema.EXAMPLE_ID;
import static com.connekz.pipeline.datasets.GoldSchema.TENANT;
import static org.apache.spark.sql.functions.bit_xor;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.xxhash64;

import java.util.HashMap;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * What a set of examples holds, in 136 bits: how many there are and two independent 64-bit hashes
 * XOR-ed over every (example id, content hash). Two sets with equal fingerprints hold the same
 * examples with the same content (a false match needs two 64-bit collisions at once); the build
 * records the fingerprint of what it committed, so a later build whose wanted examples have the
 * same fingerprint knows the table is unchanged without reading it.
 */
public record ContentFingerprint(long examples, long first, long second) {
    /** The fingerprint of no examples at all. */
    public static final ContentFingerprint NONE = new ContentFingerprint(0, 0, 0);

    /** The text stored in build metadata. */
    @Override
    public String toString() {
        return examples + ":" + Long.toHexString(first) + ":" + Long.toHexString(second);
    }

    /** The fingerprint written by {@link #toString()}, or null for null or other text. */
    public static ContentFingerprint parse(String text) {
        String[] parts = text == null ? new String[0] : text.split(":");
        if (parts.length != 3) {
            return null;
        }
        try {
            return new ContentFingerprint(Long.parseLong(parts[0]), Long.parseUnsignedLong(parts[1], 16),
                    Long.parseUnsignedLong(parts[2], 16));
        } catch (NumberFormatException notAFingerprint) {
            return null;
        }
    }

    /**
     * The fingerprint of each tenant's examples (a null tenant included), from one aggregation.
     * Example ids are unique within a tenant, so XOR never cancels two different examples out.
     */
    public static Map<String, ContentFingerprint> perTenant(Dataset<Row> examples) {
        Map<String, ContentFingerprint> fingerprints = new HashMap<>();
        for (Row row : examples.groupBy(col(TENANT))
                .agg(count(lit(1)),
                        bit_xor(xxhash64(col(EXAMPLE_ID), col(CONTENT_HASH))),
                        bit_xor(xxhash64(lit("second"), col(EXAMPLE_ID), col(CONTENT_HASH))))
                .collectAsList()) {
            fingerprints.put(row.getString(0), new ContentFingerprint(row.getLong(1), row.getLong(2), row.getLong(3)));
        }
        return fingerprints;
    }
}
