package com.connekz.pipeline.deletion;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import com.connekz.pipeline.lake.DeltaTables;
import com.connekz.pipeline.hashing.KeyedHash;
import com.connekz.pipeline.ingest.Source;
import com.connekz.pipeline.lake.Lake;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * {@code _system/tombstones}: one row per applied deletion request, holding only keyed hashes, so
 * that a deleted record which lands again is never ingested again. A tombstone names what its request
 * named (see {@link DeletionMatch}): a target up to the request, all assistant data up to the
 * request, or everything of an account for good.
 */
public final class Tombstones {
    public static final String TABLE = "tombstones";
    static final StructType SCHEMA = new StructType()
            .add("request_hash", DataTypes.StringType, false)
            .add(DeletionMatch.SCOPE, DataTypes.StringType, false)
            .add("user_hash", DataTypes.StringType, false)
            .add("target_hash", DataTypes.StringType, true)
            .add(DeletionMatch.REQUESTED_AT, DataTypes.TimestampType, false)
            .add("applied_at", DataTypes.TimestampType, false);

    private final SparkSession spark;
    private final String path;

    public Tombstones(SparkSession spark, Lake lake) {
        this.spark = spark;
        this.path = lake.system(TABLE);
    }

    /**
     * The candidates (bronze rows of {@code source} about to be ingested, with the contract's raw
     * columns) minus every row a past deletion request named. Rows are compared by keyed hash, so the
     * tombstones never hold a raw id.
     */
    public Dataset<Row> excludeFrom(Dataset<Row> bronzeCandidates, Source source, KeyedHash hash) {
        if (!DeltaTables.exists(spark, path)) {
            return bronzeCandidates;
        }
        Dataset<Row> tombstones = spark.read().format("delta").load(path).select(
                col("user_hash").as(DeletionMatch.USER_KEY),
                col("target_hash").as(DeletionMatch.TARGET_KEY),
                col(DeletionMatch.SCOPE),
                col(DeletionMatch.REQUESTED_AT));
        String userHash = "_tombstone_user";
        String targetHash = "_tombstone_target";
        Column target = DeletionMatch.targetColumn(source).map(c -> hash.column(col(c))).orElse(lit(null).cast(DataTypes.StringType));
        Dataset<Row> hashed = bronzeCandidates
                .withColumn(userHash, hash.column(col(DeletionMatch.userColumn(source))))
                .withColumn(targetHash, target);
        Column named = DeletionMatch.condition(source, col("c." + userHash), col("c." + targetHash),
                col("c." + source.createdAtField()));
        return hashed.as("c").join(broadcast(tombstones.as("r")), named, "left_anti").drop(userHash, targetHash);
    }

    /** Records the tombstones of newly applied requests (rows of {@link #SCHEMA}). */
    void add(Dataset<Row> tombstones) {
        DeltaTables.create(spark, path, SCHEMA, List.of(DeletionMatch.SCOPE, DeletionMatch.REQUESTED_AT, "applied_at"));
        tombstones.write().format("delta").mode("append").save(path);
    }
}
