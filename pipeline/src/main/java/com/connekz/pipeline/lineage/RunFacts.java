package com.connekz.pipeline.lineage;

import com.connekz.pipeline.config.PipelineConfig;
import com.connekz.pipeline.ingest.Source;
import com.connekz.pipeline.run.RedactionPolicyVersion;
import com.connekz.pipeline.run.RunContext;
import com.connekz.pipeline.run.SourceCounts;
import com.connekz.pipeline.run.StageResult;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * The contents of the {@code connekz_*} run facets: figures and versions only, never a record's
 * content, so events can be shipped to a lineage service outside the lake.
 */
final class RunFacts {
    static final String UNKNOWN_POLICY = RedactionPolicyVersion.UNKNOWN;

    private RunFacts() {}

    /** {@code connekz_run}: which pipeline run, command and code this stage belongs to. */
    static Map<String, Object> pipelineRun(RunContext context, String codeVersion) {
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("pipelineRunId", context.runId());
        facts.put("command", context.command());
        facts.put("runDate", context.runDate().toString());
        facts.put("codeVersion", codeVersion);
        return facts;
    }

    /** {@code connekz_counts}: the stage's counts per source and its other metrics. */
    static Map<String, Object> counts(StageResult result) {
        Map<String, Object> sources = new TreeMap<>();
        result.sources().forEach((source, counts) -> sources.put(source, counts(counts)));
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("sources", sources);
        facts.put("metrics", new TreeMap<>(result.metrics()));
        return facts;
    }

    private static Map<String, Object> counts(SourceCounts counts) {
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("read", counts.read());
        facts.put("accepted", counts.accepted());
        facts.put("quarantined", counts.quarantined());
        facts.put("duplicate", counts.duplicate());
        facts.put("used", counts.used());
        facts.put("excluded", counts.excluded());
        facts.put("quarantinedByReason", new TreeMap<>(counts.quarantinedByReason()));
        facts.put("excludedByReason", new TreeMap<>(counts.excludedByReason()));
        return facts;
    }

    /**
     * {@code connekz_consent_snapshot}: the versions of the consent and account tables the stage
     * decided with; empty when the stage read neither.
     */
    static Map<String, Object> consentSnapshot(StageResult result) {
        Map<String, Object> facts = new LinkedHashMap<>();
        for (Source source : new Source[] {Source.CONSENT, Source.ACCOUNTS}) {
            String table = "bronze/" + source.folder();
            Long version = result.inputs().get(table);
            if (version != null) {
                facts.put(source.folder() + "Table", table);
                facts.put(source.folder() + "Version", version);
            }
        }
        return facts;
    }

    /** {@code connekz_redaction_policy}: the version of the redaction rules in force. */
    static Map<String, Object> redactionPolicy(PipelineConfig config) {
        return Map.of("policyVersion", redactionPolicyVersion(config));
    }

    /**
     * The {@code version} of the redaction policy the configuration names (the shipped policy when
     * its file is absent), or {@code unknown} when the policy cannot be read.
     */
    static String redactionPolicyVersion(PipelineConfig config) {
        return RedactionPolicyVersion.of(config);
    }
}
