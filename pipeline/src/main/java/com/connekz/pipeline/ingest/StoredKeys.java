package com.connekz.pipeline.ingest;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.udf;

import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.util.sketch.BloomFilter;

/**
 * The natural keys and content hashes bronze already holds, as far as a batch needs them: pruned by
 * a broadcast Bloom filter of the batch's keys (no false negatives, about one false positive in a
 * hundred), so that a join with the batch shuffles the re-landed keys and a few others instead of
 * every stored key. {@link #close()} releases the filter.
 */
final class StoredKeys implements AutoCloseable {
    static final String KEY = "_stored_key";
    static final String HASH = "_stored_hash";

    private final Broadcast<BloomFilter> batchKeys;
    private final Dataset<Row> stored;
    private final String naturalKey;

    /**
     * @param batch     rows holding the batch's natural keys in column {@code naturalKey}
     * @param batchRows how many rows the batch has (sizes the filter)
     */
    StoredKeys(SparkSession spark, String bronzePath, String naturalKey, Dataset<Row> batch, long batchRows) {
        this.naturalKey = naturalKey;
        this.batchKeys = JavaSparkContext.fromSparkContext(spark.sparkContext())
                .broadcast(batch.stat().bloomFilter(naturalKey, Math.max(1, batchRows), 0.01));
        this.stored = spark.read().format("delta").load(bronzePath)
                .select(col(naturalKey).as(KEY), col(BronzeSchema.CONTENT_HASH).as(HASH))
                .filter(mayBeAmong(batchKeys).apply(col(KEY)));
    }

    /** Bronze's keys ({@value #KEY}) and content hashes ({@value #HASH}) that may be among the batch's. */
    Dataset<Row> frame() {
        return stored;
    }

    /** Whether bronze holds any key of {@code batch}: a join of keys only, not of the batch's rows. */
    boolean anyOf(Dataset<Row> batch) {
        return stored.join(batch.select(col(naturalKey)), col(KEY).equalTo(col(naturalKey)), "left_semi").count() > 0;
    }

    @Override
    public void close() {
        batchKeys.destroy();
    }

    private static UserDefinedFunction mayBeAmong(Broadcast<BloomFilter> keys) {
        return udf((UDF1<String, Boolean>) key -> key == null || keys.value().mightContainString(key), DataTypes.BooleanType);
    }
}
