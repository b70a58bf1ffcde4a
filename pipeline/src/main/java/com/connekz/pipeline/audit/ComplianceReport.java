package com.connekz.pipeline.audit;

import com.connekz.pipeline.hashing.KeyedHash;
import com.connekz.pipeline.lake.Lake;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import org.apache.spark.sql.SparkSession;

/**
 * {@code audit report}: runs every audit of one dataset version and writes the answers as one
 * self-contained HTML file (see {@link ComplianceReportHtml}).
 *
 * @param provenance where the version came from
 * @param consent    the consent audit of the version
 * @param isolation  the isolation audit of the whole lake (every retained gold version)
 * @param deletion   deletions applied before the version, and any example that outlived one
 */
public record ComplianceReport(
        Instant generatedAt,
        DatasetProvenance provenance,
        ConsentVerdict consent,
        IsolationVerdict isolation,
        DeletionVerdict deletion) {

    public boolean passed() {
        return consent.passed() && isolation.passed() && deletion.passed();
    }

    /** Runs the audits of {@code version} of dataset {@code name} (latest published when empty). */
    public static ComplianceReport of(SparkSession spark, Lake lake, KeyedHash hash, String name, Optional<Long> version) {
        DatasetBuild build = DatasetBuild.of(spark, lake, name, version);
        Optional<Long> resolved = Optional.of(build.version());
        return new ComplianceReport(Instant.now(),
                new ProvenanceAudit(spark, lake).describe(name, resolved),
                new ConsentAudit(spark, lake, hash).audit(build),
                new IsolationAudit(spark, lake).run(),
                new DatasetDeletionAudit(spark, lake).audit(build));
    }

    /** The file name of the report: {@code compliance-<dataset>-v<N>.html}, slashes of the name as dashes. */
    public String fileName() {
        return "compliance-" + provenance.dataset().replaceAll("[^A-Za-z0-9._-]", "-") + "-v" + provenance.version() + ".html";
    }

    /** Writes the report into {@code directory} (created if missing) and returns the file. */
    public Path write(Path directory) {
        try {
            Files.createDirectories(directory);
            Path file = directory.resolve(fileName());
            Files.writeString(file, ComplianceReportHtml.render(this), StandardCharsets.UTF_8);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the compliance report", e);
        }
    }
}
