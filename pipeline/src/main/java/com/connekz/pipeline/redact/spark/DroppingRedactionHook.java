package com.connekz.pipeline.redact.spark;

import static org.apache.spark.sql.functions.col;

import com.connekz.pipeline.govern.RedactionHook;
import com.connekz.pipeline.ingest.Source;
import com.connekz.pipeline.run.SourceCounts;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.storage.StorageLevel;

/**
 * The govern stage's redaction: text sources are redacted, and records of an example holding a
 * {@code drop_example} type are kept out of silver and counted under {@value #REASON}, so that the
 * run report still accounts for them. Records of other sources pass through unchanged. One hook
 * serves one stage run (it is not shared between threads).
 */
public final class DroppingRedactionHook implements RedactionHook {
    /** The exclusion reason of records dropped by redaction. */
    public static final String REASON = "redaction_dropped";

    private final SparkRedaction redaction;
    private final Map<Source, Long> dropped = new EnumMap<>(Source.class);
    /** Redacted rows held until their source is counted: the write and the count read them once. */
    private final Map<Source, List<Dataset<Row>>> held = new EnumMap<>(Source.class);

    public DroppingRedactionHook(SparkRedaction redaction) {
        this.redaction = redaction;
    }

    @Override
    public Dataset<Row> redact(Source source, Dataset<Row> usedRecords) {
        if (!source.isContent()) {
            return usedRecords;
        }
        Dataset<Row> redacted = redaction.redact(source, usedRecords).persist(StorageLevel.MEMORY_AND_DISK());
        held.computeIfAbsent(source, s -> new ArrayList<>()).add(redacted);
        dropped.merge(source, redacted.filter(col(SparkRedaction.DROPPED).isNotNull()).count(), Long::sum);
        return redacted.filter(col(SparkRedaction.DROPPED).isNull());
    }

    @Override
    public Optional<String> policyVersion(Source source) {
        return source.isContent() ? Optional.of(redaction.policyVersion()) : Optional.empty();
    }

    /** The dropped records of the source, moved from used to {@value #REASON}; releases the held rows. */
    @Override
    public SourceCounts keptOut(Source source) {
        List<Dataset<Row>> rows = held.remove(source);
        if (rows != null) {
            rows.forEach(Dataset::unpersist);
        }
        long count = dropped.getOrDefault(source, 0L);
        dropped.remove(source);
        return count == 0 ? SourceCounts.none() : SourceCounts.governed(-count, Map.of(REASON, count));
    }
}
