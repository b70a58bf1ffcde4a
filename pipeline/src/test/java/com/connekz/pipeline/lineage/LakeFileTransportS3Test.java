package com.connekz.pipeline.lineage;

import static org.assertj.core.api.Assertions.assertThat;

import com.connekz.pipeline.run.RunContext;
import com.connekz.pipeline.run.StageResult;
import com.connekz.pipeline.testing.LoopbackS3;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.s3.model.S3Object;

/** The file transport on an object store, which cannot append: one object per event. */
class LakeFileTransportS3Test {
    @TempDir
    Path dir;

    @Test
    void writesOneObjectPerEventUnderTheLakesLineageFolder() throws Exception {
        RunContext context = LineageTestRuns.nightly(dir, Map.of());
        try (LoopbackS3 s3 = new LoopbackS3()) {
            s3.createBucket("lineage-events");
            Configuration hadoop = new Configuration();
            s3.configure(hadoop);
            hadoop.setBoolean("fs.s3a.impl.disable.cache", true);
            OpenLineageObserver observer =
                    new OpenLineageObserver(new LakeFileTransport("s3a://lineage-events/lake", hadoop));

            observer.started(context, "ingest");
            observer.completed(context, StageResult.builder("ingest").build());
            observer.started(context, "govern");
            observer.failed(context, "govern", "govern: consent table missing");

            List<S3Object> objects = s3.client()
                    .listObjectsV2(b -> b.bucket("lineage-events").prefix("lake/_system/lineage/")).contents();
            assertThat(objects).hasSize(4).allSatisfy(o -> assertThat(o.key()).endsWith(".json"));
            List<String> types = new ArrayList<>();
            for (S3Object object : objects) {
                String json = s3.client().getObjectAsBytes(b -> b.bucket("lineage-events").key(object.key())).asUtf8String();
                var event = new ObjectMapper().readTree(json);
                assertThat(OpenLineageSpecChecks.violations(event)).isEmpty();
                types.add(event.at("/job/name").asText() + " " + event.get("eventType").asText());
            }
            assertThat(types).containsExactlyInAnyOrder(
                    "nightly.ingest START", "nightly.ingest COMPLETE", "nightly.govern START", "nightly.govern FAIL");
        }
    }
}
