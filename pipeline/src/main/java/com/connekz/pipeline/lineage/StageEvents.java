package com.connekz.pipeline.lineage;

import com.connekz.pipeline.run.RunContext;
import com.connekz.pipeline.run.StageResult;
import io.openlineage.client.OpenLineage;
import io.openlineage.client.OpenLineage.RunEvent.EventType;
import java.net.URI;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Builds the OpenLineage run events of one stage: a job {@code <command>.<stage>} in namespace
 * {@code connekz-pipeline}, a run whose parent is the pipeline run, and datasets named by their
 * table path in the namespace of the lake root.
 */
final class StageEvents {
    private final OpenLineage openLineage;
    private final String codeVersion;

    StageEvents(String codeVersion) {
        this.codeVersion = codeVersion;
        this.openLineage = new OpenLineage(producer(codeVersion));
    }

    /** The producer URI every event and facet carries: this pipeline at its code version. */
    static URI producer(String codeVersion) {
        return URI.create("https://connekz.com/training-data-pipeline/" + codeVersion);
    }

    OpenLineage.RunEvent started(RunContext context, String stage) {
        return event(context, stage, EventType.START, runFacets(context, stage).build(), List.of(), List.of());
    }

    /** COMPLETE, with the tables read and written, their schemas and versions, and the counts. */
    OpenLineage.RunEvent completed(RunContext context, StageResult result) {
        OpenLineage.RunFacetsBuilder facets = runFacets(context, result.stage())
                .put("connekz_counts", facet("ConnekzCountsRunFacet", RunFacts.counts(result)));
        Map<String, Object> consent = RunFacts.consentSnapshot(result);
        if (!consent.isEmpty()) {
            facets.put("connekz_consent_snapshot", facet("ConnekzConsentSnapshotRunFacet", consent));
        }
        DatasetSchemas schemas = new DatasetSchemas(context.spark(), openLineage);
        String namespace = context.config().lake();
        List<OpenLineage.InputDataset> inputs = new ArrayList<>();
        result.inputs().forEach((table, version) -> inputs.add(openLineage.newInputDatasetBuilder()
                .namespace(namespace).name(table)
                .facets(datasetFacets(context, schemas, table, version)).build()));
        List<OpenLineage.OutputDataset> outputs = new ArrayList<>();
        result.outputs().forEach((table, version) -> outputs.add(openLineage.newOutputDatasetBuilder()
                .namespace(namespace).name(table)
                .facets(datasetFacets(context, schemas, table, version)).build()));
        return event(context, result.stage(), EventType.COMPLETE, facets.build(), inputs, outputs);
    }

    /** FAIL, with the one-line reason the run report holds (never a record's content). */
    OpenLineage.RunEvent failed(RunContext context, String stage, String reason) {
        OpenLineage.RunFacets facets = runFacets(context, stage)
                .errorMessage(openLineage.newErrorMessageRunFacet(reason, "java", null))
                .build();
        return event(context, stage, EventType.FAIL, facets, List.of(), List.of());
    }

    private OpenLineage.RunEvent event(RunContext context, String stage, EventType type, OpenLineage.RunFacets facets,
            List<OpenLineage.InputDataset> inputs, List<OpenLineage.OutputDataset> outputs) {
        OpenLineage.Job job = openLineage.newJob(LineageIds.JOB_NAMESPACE,
                LineageIds.stageJob(context.command(), stage),
                openLineage.newJobFacetsBuilder()
                        .jobType(openLineage.newJobTypeJobFacet("BATCH", "CONNEKZ", "STAGE", null))
                        .build());
        return openLineage.newRunEventBuilder()
                .eventType(type)
                .eventTime(ZonedDateTime.now(ZoneOffset.UTC))
                .run(openLineage.newRun(LineageIds.stageRun(context.runId(), stage), facets))
                .job(job)
                .inputs(inputs)
                .outputs(outputs)
                .build();
    }

    private OpenLineage.RunFacetsBuilder runFacets(RunContext context, String stage) {
        OpenLineage.ParentRunFacet parent = openLineage.newParentRunFacet(
                openLineage.newParentRunFacetRun(LineageIds.pipelineRun(context.runId()), null),
                openLineage.newParentRunFacetJob(LineageIds.JOB_NAMESPACE, context.command(), null),
                null);
        return openLineage.newRunFacetsBuilder()
                .parent(parent)
                .put("connekz_run", facet("ConnekzRunRunFacet", RunFacts.pipelineRun(context, codeVersion)))
                .put("connekz_redaction_policy",
                        facet("ConnekzRedactionPolicyRunFacet", RunFacts.redactionPolicy(context.config())));
    }

    private OpenLineage.DatasetFacets datasetFacets(RunContext context, DatasetSchemas schemas, String table, long version) {
        OpenLineage.DatasetFacetsBuilder facets = openLineage.newDatasetFacetsBuilder()
                .version(openLineage.newDatasetVersionDatasetFacet(Long.toString(version)))
                .put("connekz_delta", facet("ConnekzDeltaDatasetFacet", Map.of("format", "delta", "version", version)));
        schemas.at(context.lake().path(table), version).ifPresent(facets::schema);
        return facets.build();
    }

    private CustomFacet facet(String definition, Map<String, ?> fields) {
        return new CustomFacet(producer(codeVersion), definition, fields);
    }
}
