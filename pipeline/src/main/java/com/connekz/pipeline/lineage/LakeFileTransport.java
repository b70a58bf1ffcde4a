package com.connekz.pipeline.lineage;

import io.openlineage.client.OpenLineage;
import io.openlineage.client.OpenLineageClientUtils;
import io.openlineage.client.transports.Transport;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.UUID;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * Writes each event as one line of JSON to its own file under
 * {@code <lake>/_system/lineage/<yyyy-MM-dd>/}, named
 * {@code <eventTime>-<job>-<eventType>-<runId>.json} so a folder lists in the order events happened.
 * One file per event rather than a daily file appended to, because object stores such as S3 cannot
 * append; the Hadoop file system makes the same code work on a local lake and on {@code s3a://}.
 */
public final class LakeFileTransport extends Transport {
    /** The folder under the lake root that holds the events. */
    public static final String FOLDER = "_system/lineage";

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd");
    private static final DateTimeFormatter INSTANT = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss.SSS'Z'");

    private final String folder;
    private final Configuration hadoopConf;

    public LakeFileTransport(String lakeRoot, Configuration hadoopConf) {
        this.folder = lakeRoot.endsWith("/") ? lakeRoot + FOLDER : lakeRoot + "/" + FOLDER;
        this.hadoopConf = hadoopConf;
    }

    @Override
    public void emit(OpenLineage.RunEvent event) {
        write(event.getEventTime(), event.getJob().getName() + "-" + event.getEventType() + "-" + event.getRun().getRunId(),
                OpenLineageClientUtils.toJson(event));
    }

    @Override
    public void emit(OpenLineage.DatasetEvent event) {
        write(event.getEventTime(), "dataset-" + UUID.randomUUID(), OpenLineageClientUtils.toJson(event));
    }

    @Override
    public void emit(OpenLineage.JobEvent event) {
        write(event.getEventTime(), event.getJob().getName() + "-job-" + UUID.randomUUID(),
                OpenLineageClientUtils.toJson(event));
    }

    private void write(ZonedDateTime eventTime, String name, String json) {
        ZonedDateTime utc = eventTime.withZoneSameInstant(ZoneOffset.UTC);
        Path file = new Path(folder + "/" + DAY.format(utc) + "/" + INSTANT.format(utc) + "-" + name + ".json");
        try {
            FileSystem fs = file.getFileSystem(hadoopConf);
            try (OutputStream out = fs.create(file, false)) {
                out.write((json + "\n").getBytes(StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not write lineage event " + file.getName(), e);
        }
    }
}
