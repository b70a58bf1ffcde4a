package com.connekz.pipeline.ingest;

import com.connekz.pipeline.lake.SystemTable;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * {@code _system/ingested_files}: the landed files already ingested, so a run reads only what is
 * new. Written after the file's rows are committed to bronze and quarantine: a run that dies in
 * between reads the file again, and the merge on the natural key absorbs the repeat.
 */
public final class IngestedFiles {
    static final StructType SCHEMA = new StructType()
            .add("source", DataTypes.StringType)
            .add("path", DataTypes.StringType)
            .add("size", DataTypes.LongType)
            .add("modified_at", DataTypes.LongType)
            .add("run_id", DataTypes.StringType);

    private final SystemTable table;

    public IngestedFiles(SparkSession spark, String path) {
        this.table = new SystemTable(spark, path, SCHEMA, List.of("source", "size", "modified_at", "run_id"));
    }

    /** The landed files not ingested before (same path, size and modification time). */
    public List<LandedFile> notYetIngested(List<LandedFile> landed) {
        if (!table.exists()) {
            return landed;
        }
        Set<String> seen = new HashSet<>(table.read()
                .selectExpr("concat_ws('|', path, size, modified_at)")
                .as(Encoders.STRING())
                .collectAsList());
        return landed.stream().filter(f -> !seen.contains(f.path() + "|" + f.size() + "|" + f.modifiedAt())).toList();
    }

    public void record(List<LandedFile> files, String runId) {
        table.append(files.stream()
                .map(f -> RowFactory.create(f.source(), f.path(), f.size(), f.modifiedAt(), runId))
                .toList());
    }
}
