package com.connekz.pipeline.audit;

import com.connekz.pipeline.datasets.BuildMetadata;
import com.connekz.pipeline.datasets.DatasetVersion;
import com.connekz.pipeline.datasets.Datasets;
import com.connekz.pipeline.datasets.Publications;
import com.connekz.pipeline.lake.Lake;
import com.connekz.pipeline.run.RunLedger;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Timestamp;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * {@code audit dataset}: gathers the provenance of one dataset version from the gold commit, the
 * run ledger and the publications. Reads no example content beyond counting rows by kind and split.
 */
public final class ProvenanceAudit {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final SparkSession spark;
    private final Lake lake;

    public ProvenanceAudit(SparkSession spark, Lake lake) {
        this.spark = spark;
        this.lake = lake;
    }

    /**
     * The provenance of {@code version} of dataset {@code name} (latest published when empty).
     *
     * @throws IllegalArgumentException when the dataset or version does not exist
     */
    public DatasetProvenance describe(String name, Optional<Long> version) {
        DatasetBuild build = DatasetBuild.of(spark, lake, name, version);
        DatasetVersion shown = new Datasets(spark, lake).show(name, Optional.of(build.version()));
        RunLedger ledger = new RunLedger(spark, lake.runs());
        Set<String> runIds = new TreeSet<>();
        DatasetProvenance.Build recorded = null;
        if (build.metadata() != null) {
            BuildMetadata metadata = build.metadata();
            runIds.add(metadata.runId());
            runIds.addAll(ledger.runsThatWrote(metadata.inputs()));
            recorded = new DatasetProvenance.Build(metadata.runId(), metadata.codeVersion(), metadata.configHash(),
                    metadata.inputs(), build.builtVersion(), build.buildStartedAt().toString());
        }
        DatasetProvenance.Publication publication = new Publications(spark, lake.system(Datasets.PUBLICATIONS))
                .find(name, build.version()).map(ProvenanceAudit::publication).orElse(null);
        return new DatasetProvenance(name, build.version(), build.committedAt().toString(), build.operation(), recorded,
                publication != null, publication, shown.rows(), shown.rowsByKind(), shown.rowsBySplit(),
                ledger.read(runIds));
    }

    private static DatasetProvenance.Publication publication(Row row) {
        JsonNode audits;
        try {
            String text = row.getAs("audits_json");
            audits = text == null ? null : JSON.readTree(text);
        } catch (JsonProcessingException e) {
            audits = null;
        }
        Timestamp at = row.getAs("published_at");
        return new DatasetProvenance.Publication(row.getAs("run_id"), at == null ? null : at.toInstant().toString(), audits);
    }
}
