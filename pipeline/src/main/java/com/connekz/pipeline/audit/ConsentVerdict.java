package com.connekz.pipeline.audit;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The outcome of a consent audit of one dataset version: counts only, never an identifier.
 *
 * @param passed             every example's subject held each needed consent at the example's time
 *                           and still held it as of the build
 * @param examplesChecked    examples in the version
 * @param examplesConsented  examples that passed
 * @param failedByReason     failing examples per reason (every reason present, 0 when none):
 *                           {@code no_consent_at_time}, {@code withdrawn_before_build},
 *                           {@code unknown_time}, {@code unverifiable}
 * @param withdrawnSinceBuild passing examples whose subject withdrew a needed consent after the
 *                           build (in the latest consent table): the next build leaves them out
 * @param basis              what the audit judged against
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record ConsentVerdict(
        @JsonProperty("dataset") String dataset,
        @JsonProperty("version") long version,
        @JsonProperty("passed") boolean passed,
        @JsonProperty("examples_checked") long examplesChecked,
        @JsonProperty("examples_consented") long examplesConsented,
        @JsonProperty("failed_by_reason") Map<String, Long> failedByReason,
        @JsonProperty("withdrawn_since_build") long withdrawnSinceBuild,
        @JsonProperty("basis") Basis basis) {

    public static final String NO_CONSENT_AT_TIME = "no_consent_at_time";
    public static final String WITHDRAWN_BEFORE_BUILD = "withdrawn_before_build";
    public static final String UNKNOWN_TIME = "unknown_time";
    public static final String UNVERIFIABLE = "unverifiable";
    public static final String WITHDRAWN_SINCE_BUILD = "withdrawn_since_build";
    /** Failing reasons, most severe first: an example failing several counts under the first. */
    public static final List<String> FAILURES = List.of(UNVERIFIABLE, UNKNOWN_TIME, NO_CONSENT_AT_TIME, WITHDRAWN_BEFORE_BUILD);

    /**
     * @param buildRunId               the run that built the version (null when unknown)
     * @param asOfBuild                the instant withdrawals were judged at
     * @param consentVersionAtBuild    the {@code bronze/consent} version the build read (null: none existed)
     * @param consentVersionLatest     the latest {@code bronze/consent} version (null: none exists)
     */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Basis(
            @JsonProperty("build_run_id") String buildRunId,
            @JsonProperty("as_of_build") String asOfBuild,
            @JsonProperty("consent_version_at_build") Long consentVersionAtBuild,
            @JsonProperty("consent_version_latest") Long consentVersionLatest) {
    }

    public long failed() {
        return failedByReason.values().stream().mapToLong(Long::longValue).sum();
    }

    /** The verdict for people, one line a figure. */
    public List<String> lines() {
        List<String> lines = new ArrayList<>();
        lines.add("consent audit of " + dataset + " v" + version + ": " + (passed ? "passed" : "FAILED"));
        lines.add("  examples checked " + examplesChecked + ", consented " + examplesConsented + ", failed " + failed());
        failedByReason.forEach((reason, n) -> {
            if (n > 0) {
                lines.add("  failed " + reason + ": " + n);
            }
        });
        lines.add("  withdrawn since build (still valid for this version, out of the next): " + withdrawnSinceBuild);
        lines.add("  judged as of " + basis.asOfBuild() + " against bronze/consent v" + basis.consentVersionAtBuild()
                + " (latest v" + basis.consentVersionLatest() + "), build run " + basis.buildRunId());
        return lines;
    }
}
