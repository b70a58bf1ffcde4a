package com.connekz.pipeline.lake.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.CreateFlag;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileContext;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Options;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.permission.FsPermission;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordingFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NioLocalFileSystemTest {
    @TempDir
    java.nio.file.Path root;

    static Configuration nio() {
        Configuration conf = new Configuration();
        conf.set("fs.file.impl", NioLocalFileSystem.class.getName());
        conf.set("fs.AbstractFileSystem.file.impl", NioLocalFs.class.getName());
        conf.set("fs.permissions.umask-mode", "022");
        conf.setBoolean("fs.file.impl.disable.cache", true);
        return conf;
    }

    static Configuration hadoops() {
        Configuration conf = new Configuration();
        conf.set("fs.permissions.umask-mode", "022");
        conf.setBoolean("fs.file.impl.disable.cache", true);
        return conf;
    }

    /** What a Delta commit does on a local lake: a folder, a data file, a log entry written by rename. */
    void commitLike(Configuration conf, String table) throws IOException {
        Path folder = new Path(root.resolve(table).toUri());
        FileSystem fs = FileSystem.get(URI.create("file:///"), conf);
        fs.mkdirs(new Path(folder, "_delta_log"));
        try (FSDataOutputStream out = fs.create(new Path(folder, "part-0.parquet"))) {
            out.write("rows".getBytes(StandardCharsets.UTF_8));
        }
        FileContext context = FileContext.getFileContext(URI.create("file:///"), conf);
        Path temp = new Path(folder, "_delta_log/.00000.json.tmp");
        try (FSDataOutputStream out = context.create(temp, EnumSet.of(CreateFlag.CREATE))) {
            out.write("{}".getBytes(StandardCharsets.UTF_8));
        }
        context.rename(temp, new Path(folder, "_delta_log/00000.json"), Options.Rename.NONE);
    }

    /** Processes this thread started while {@code work} ran. */
    static long processesStartedBy(IoWork work) throws Exception {
        String thread = Thread.currentThread().getName();
        java.nio.file.Path dump = Files.createTempFile("process-starts", ".jfr");
        try (Recording recording = new Recording()) {
            recording.enable("jdk.ProcessStart").withStackTrace();
            recording.start();
            work.run();
            recording.stop();
            recording.dump(dump);
            return RecordingFile.readAllEvents(dump).stream()
                    .filter(event -> event.getThread() != null && thread.equals(event.getThread().getJavaName()))
                    .count();
        } finally {
            Files.deleteIfExists(dump);
        }
    }

    interface IoWork {
        void run() throws IOException;
    }

    @Test
    void aCommitOnALocalLakeStartsNoProcessWhereHadoopsOwnStartsSeveral() throws Exception {
        assertThat(processesStartedBy(() -> commitLike(hadoops(), "with-hadoops"))).as("the baseline this guards against")
                .isGreaterThan(2);
        assertThat(processesStartedBy(() -> commitLike(nio(), "with-nio"))).isZero();
        assertThat(root.resolve("with-nio/_delta_log/00000.json")).hasContent("{}");
        assertThat(root.resolve("with-nio/part-0.parquet")).hasContent("rows");
    }

    @Test
    void filesAndFoldersGetHadoopsPermissionsLessTheUmask() throws IOException {
        commitLike(nio(), "table");

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(root.resolve("table/part-0.parquet"))))
                .isEqualTo("rw-r--r--");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(root.resolve("table/_delta_log"))))
                .isEqualTo("rwxr-xr-x");
        FileSystem fs = FileSystem.get(URI.create("file:///"), nio());
        fs.setPermission(new Path(root.resolve("table/part-0.parquet").toUri()), new FsPermission((short) 0640));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(root.resolve("table/part-0.parquet"))))
                .isEqualTo("rw-r-----");
    }

    @Test
    void linkStatusIsHadoopsOwnForFilesLinksAndMissingPaths() throws IOException {
        java.nio.file.Path file = Files.writeString(root.resolve("file"), "x");
        java.nio.file.Path link = Files.createSymbolicLink(root.resolve("link"), file);
        FileSystem nio = FileSystem.get(URI.create("file:///"), nio());
        FileSystem hadoops = FileSystem.get(URI.create("file:///"), hadoops());

        for (java.nio.file.Path path : java.util.List.of(file, link)) {
            org.apache.hadoop.fs.FileStatus ours = nio.getFileLinkStatus(new Path(path.toUri()));
            org.apache.hadoop.fs.FileStatus theirs = hadoops.getFileLinkStatus(new Path(path.toUri()));
            assertThat(ours.isSymlink()).as(path.toString()).isEqualTo(theirs.isSymlink());
            assertThat(ours.getLen()).as(path.toString()).isEqualTo(theirs.getLen());
            assertThat(ours.getPath()).as(path.toString()).isEqualTo(theirs.getPath());
        }
        assertThat(nio.getFileLinkStatus(new Path(file.toUri())).getLen()).isEqualTo(1);
        assertThatThrownBy(() -> nio.getFileLinkStatus(new Path(root.resolve("missing").toUri())))
                .isInstanceOf(FileNotFoundException.class);
    }
}
