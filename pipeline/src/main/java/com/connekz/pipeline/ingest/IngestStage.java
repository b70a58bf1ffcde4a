package com.connekz.pipeline.ingest;

import com.connekz.pipeline.lake.DeltaTables;
import com.connekz.pipeline.lake.Lake;
import com.connekz.pipeline.run.RunContext;
import com.connekz.pipeline.run.SourceCounts;
import com.connekz.pipeline.run.Stage;
import com.connekz.pipeline.run.StageResult;
import java.sql.Timestamp;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Landing zone to bronze. Reads only files not ingested before, for each contract source merges good
 * records into {@code bronze/<source>} on the natural key and puts bad ones in {@code quarantine}.
 * A folder that is not a contract source is refused: its files are not read, and each is recorded
 * in quarantine with reason {@code unknown_source}. Guarantee: every line read is counted once, as
 * accepted, quarantined or duplicate; a bad line never fails the run.
 */
public final class IngestStage implements Stage {
    private static final Logger LOG = LoggerFactory.getLogger(IngestStage.class);

    private final RecordFilter filter;

    public IngestStage(RecordFilter filter) {
        this.filter = filter;
    }

    @Override
    public String name() {
        return "ingest";
    }

    @Override
    public StageResult run(RunContext context) {
        SparkSession spark = context.spark();
        Lake lake = context.lake();
        Timestamp ingestedAt = Timestamp.from(IngestInstant.of(spark, lake, context.startedAt()));
        StageResult.Builder result = StageResult.builder(name());
        IngestedFiles ledger = new IngestedFiles(spark, lake.ingestedFiles());
        List<LandedFile> landed = new LandingZone(context.config().landing(),
                spark.sparkContext().hadoopConfiguration()).files();
        List<LandedFile> fresh = ledger.notYetIngested(landed);
        result.metric("landed_files", landed.size()).metric("new_files", fresh.size());

        Map<String, List<LandedFile>> bySource = fresh.stream()
                .collect(Collectors.groupingBy(LandedFile::source, TreeMap::new, Collectors.toList()));
        for (Map.Entry<String, List<LandedFile>> entry : bySource.entrySet()) {
            Source.byFolder(entry.getKey()).ifPresentOrElse(
                    source -> {
                        SourceCounts counts = new SourceIngestion(spark, source, lake.bronze(source),
                                lake.quarantine(), filter).ingest(entry.getValue(), context.runId(), ingestedAt);
                        result.source(source.folder(), counts);
                        DeltaTables.version(spark, lake.bronze(source))
                                .ifPresent(v -> result.output("bronze/" + source.folder(), v));
                    },
                    () -> refuse(spark, lake, entry.getKey(), entry.getValue(), context.runId(), ingestedAt, result));
        }
        DeltaTables.version(spark, lake.quarantine()).ifPresent(v -> result.output("quarantine", v));
        ledger.record(fresh, context.runId());
        return result.build();
    }

    private static void refuse(SparkSession spark, Lake lake, String folder, List<LandedFile> files, String runId,
            Timestamp at, StageResult.Builder result) {
        LOG.error("refused landing folder '{}': not a source of the contract ({}); {} file(s) quarantined unread",
                folder, Arrays.stream(Source.values()).map(Source::folder).toList(), files.size());
        String message = "folder '" + folder + "' is not a source of the contract; the file was not read";
        List<Row> rows = files.stream()
                .map(f -> RowFactory.create(folder, f.path(), 0L, BadRecord.UNKNOWN_SOURCE, null, message, null, runId, at))
                .toList();
        Quarantine.add(spark, lake.quarantine(), spark.createDataFrame(rows, Quarantine.SCHEMA));
        result.metric("refused_files", files.size());
        result.metric("refused_files." + folder, files.size());
    }
}
