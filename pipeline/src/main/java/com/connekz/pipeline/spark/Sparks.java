package com.connekz.pipeline.spark;

import com.connekz.pipeline.config.PipelineConfig;
import com.connekz.pipeline.lake.local.NioLocalFileSystem;
import com.connekz.pipeline.lake.local.NioLocalFs;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.spark.sql.SparkSession;

/**
 * Builds the SparkSession a run uses: Delta enabled, S3A wired from the configuration, and in local
 * mode settings sized for a small machine (cluster settings are left to spark-submit).
 */
public final class Sparks {
    /**
     * How many tables' logs and latest snapshots the driver keeps (Delta's default is 10,000). Each
     * costs 0.1-1.4 MB of driver heap, and there is a table per tenant: unbounded, the 4,108 tenant
     * tables of a 10M-record lake filled the heap. A table dropped from the cache is read again
     * from its log when next used: with 100 for the 398 tables of a 1M lake, the nightly took as long.
     */
    static final int CACHED_TABLE_LOGS = 1_000;
    static final String DELTA_LOG_CACHE_SIZE = "spark.databricks.delta.delta.log.cacheSize";

    private Sparks() {}

    public static SparkSession session(PipelineConfig config, Map<String, String> environment) {
        SparkSession.Builder builder = SparkSession.builder().appName("connekz-pipeline");
        if (config.spark().local()) {
            builder.master(config.spark().master());
        }
        settings(config, environment).forEach(builder::config);
        return builder.getOrCreate();
    }

    /** Every setting the session gets, in the order they apply; later ones win. */
    public static Map<String, String> settings(PipelineConfig config, Map<String, String> environment) {
        Map<String, String> settings = new LinkedHashMap<>(deltaSettings());
        if (config.spark().local()) {
            settings.putAll(localModeSettings());
        }
        settings.putAll(s3Settings(config.s3(), environment));
        settings.putAll(config.spark().conf());
        return settings;
    }

    public static Map<String, String> deltaSettings() {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("spark.sql.extensions", "io.delta.sql.DeltaSparkSessionExtension");
        settings.put("spark.sql.catalog.spark_catalog", "org.apache.spark.sql.delta.catalog.DeltaCatalog");
        settings.put("spark.sql.session.timeZone", "UTC");
        // Purging deleted data on request needs VACUUM below Delta's 7-day safety floor.
        settings.put("spark.databricks.delta.retentionDurationCheck.enabled", "false");
        settings.put("spark.databricks.delta.schema.autoMerge.enabled", "false");
        // With it on, the first commit of every new table ran a Spark job to list the table's files
        // into its checksum: about 60 ms per table, 4 minutes for the 4,100 tenant tables of a 10M
        // first night. Reads never used that list (a snapshot still replays the log).
        settings.put("spark.databricks.delta.allFilesInCrc.enabled", "false");
        settings.put(DELTA_LOG_CACHE_SIZE, String.valueOf(CACHED_TABLE_LOGS));
        return settings;
    }

    /** Defaults measured on 2 cores; the stock ones made tiny-table operations many times slower. */
    public static Map<String, String> localModeSettings() {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("spark.sql.shuffle.partitions", "2");
        settings.put("spark.default.parallelism", "2");
        settings.put("spark.databricks.delta.snapshotPartitions", "2");
        settings.put("spark.sql.sources.parallelPartitionDiscovery.parallelism", "4");
        settings.put("spark.ui.enabled", "false");
        settings.put("spark.driver.host", "127.0.0.1");
        settings.put("spark.driver.bindAddress", "127.0.0.1");
        // A lake in a folder: Hadoop's local file system started a process (chmod, readlink) for
        // every file it created and every Delta commit, about 23,000 in one nightly bench.
        settings.put("spark.hadoop.fs.file.impl", NioLocalFileSystem.class.getName());
        settings.put("spark.hadoop.fs.AbstractFileSystem.file.impl", NioLocalFs.class.getName());
        return settings;
    }

    static Map<String, String> s3Settings(PipelineConfig.S3Settings s3, Map<String, String> environment) {
        Map<String, String> settings = new LinkedHashMap<>();
        if (s3.endpoint() != null) {
            settings.put("spark.hadoop.fs.s3a.endpoint", s3.endpoint());
        }
        settings.put("spark.hadoop.fs.s3a.endpoint.region", s3.region());
        settings.put("spark.hadoop.fs.s3a.path.style.access", String.valueOf(s3.pathStyleAccess()));
        settings.put("spark.hadoop.fs.s3a.connection.ssl.enabled", String.valueOf(s3.ssl()));
        String accessKey = environment.get(s3.accessKeyEnv());
        String secretKey = environment.get(s3.secretKeyEnv());
        if (accessKey != null && secretKey != null) {
            settings.put("spark.hadoop.fs.s3a.access.key", accessKey);
            settings.put("spark.hadoop.fs.s3a.secret.key", secretKey);
            settings.put("spark.hadoop.fs.s3a.aws.credentials.provider",
                    "org.apache.hadoop.fs.s3a.SimpleAWSCredentialsProvider");
        }
        return settings;
    }
}
