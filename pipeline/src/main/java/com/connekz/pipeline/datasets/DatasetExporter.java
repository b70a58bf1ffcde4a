package com.connekz.pipeline.datasets;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.SparkSession;

/**
 * Exports one pinned version of a gold dataset (time travel) as JSONL or Parquet shards under
 * {@code <out>/data/}, plus {@code <out>/manifest.json} with row counts, build metadata and the
 * SHA-256 of every shard. Refuses an output folder that already holds an export.
 */
public final class DatasetExporter {
    public static final String MANIFEST = "manifest.json";
    public static final String DATA_FOLDER = "data";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** The file formats a training job may ask for. */
    public enum Format {
        JSONL, PARQUET;

        public static Format parse(String text) {
            try {
                return valueOf(text.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("unknown export format " + text + " (jsonl or parquet)");
            }
        }
    }

    private final SparkSession spark;
    private final Datasets datasets;

    public DatasetExporter(SparkSession spark, Datasets datasets) {
        this.spark = spark;
        this.datasets = datasets;
    }

    public ExportManifest export(String name, Optional<Long> version, Format format, String outDir) {
        DatasetVersion pinned = datasets.show(name, version);
        String data = new Path(outDir, DATA_FOLDER).toString();
        var writer = datasets.read(name, pinned.version()).write().mode("errorifexists");
        if (format == Format.JSONL) {
            writer.json(data);
        } else {
            writer.parquet(data);
        }
        List<ExportManifest.ExportedFile> files = checksums(new Path(data), format);
        ExportManifest manifest = new ExportManifest(name, pinned.version(), format.name().toLowerCase(Locale.ROOT),
                Instant.now().toString(), pinned.rows(), pinned.rowsByKind(), pinned.rowsBySplit(), files, pinned.build());
        write(new Path(outDir, MANIFEST), manifest);
        return manifest;
    }

    private List<ExportManifest.ExportedFile> checksums(Path data, Format format) {
        String suffix = format == Format.JSONL ? ".json" : ".parquet";
        try {
            FileSystem fs = data.getFileSystem(spark.sessionState().newHadoopConf());
            List<FileStatus> shards = new ArrayList<>();
            for (FileStatus status : fs.listStatus(data)) {
                String fileName = status.getPath().getName();
                if (status.isFile() && fileName.startsWith("part-") && fileName.endsWith(suffix)) {
                    shards.add(status);
                }
            }
            shards.sort(Comparator.comparing(s -> s.getPath().getName()));
            List<ExportManifest.ExportedFile> files = new ArrayList<>();
            for (FileStatus shard : shards) {
                files.add(new ExportManifest.ExportedFile(DATA_FOLDER + "/" + shard.getPath().getName(),
                        shard.getLen(), sha256(fs, shard.getPath())));
            }
            return files;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list exported files", e);
        }
    }

    /** SHA-256 of a file, as lowercase hex; training jobs recompute it to verify the shard. */
    public static String sha256(FileSystem fs, Path file) throws IOException {
        try (InputStream in = new DigestInputStream(fs.open(file), MessageDigest.getInstance("SHA-256"))) {
            in.transferTo(OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }

    private void write(Path file, ExportManifest manifest) {
        try {
            FileSystem fs = file.getFileSystem(spark.sessionState().newHadoopConf());
            try (OutputStream out = fs.create(file, false)) {
                JSON.writeValue(out, manifest);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + MANIFEST, e);
        }
    }
}
