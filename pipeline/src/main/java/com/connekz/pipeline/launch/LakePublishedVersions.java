package com.connekz.pipeline.launch;

import com.connekz.pipeline.datasets.Publications;
import com.connekz.pipeline.lake.Lake;
import java.util.Optional;
import java.util.OptionalLong;
import org.apache.spark.sql.SparkSession;

/**
 * Published versions as the lake records them: a version is PASSED only when the nightly audit gate
 * published it in {@code _system/publications}; "latest" is the latest published version, never a
 * version a build committed but the audits did not let through.
 */
public final class LakePublishedVersions implements PublishedVersions {
    private final Publications publications;
    private final Lake lake;

    public LakePublishedVersions(SparkSession spark, Lake lake) {
        this.publications = new Publications(spark, lake.system("publications"));
        this.lake = lake;
    }

    @Override
    public Optional<PublishedVersion> find(String dataset, OptionalLong version) {
        OptionalLong resolved = version.isPresent() ? version : publications.latest(dataset);
        if (resolved.isEmpty()) {
            return Optional.empty();
        }
        long v = resolved.getAsLong();
        AuditVerdict verdict = publications.find(dataset, v).isPresent() ? AuditVerdict.passed()
                : AuditVerdict.notAudited();
        return Optional.of(new PublishedVersion(dataset, v, lake.gold(dataset), Publications.manifest(lake, dataset, v), verdict));
    }
}
