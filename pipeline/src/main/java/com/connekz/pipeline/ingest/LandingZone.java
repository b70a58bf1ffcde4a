package com.connekz.pipeline.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RemoteIterator;

/**
 * Lists what has landed: {@code <landing>/<source>/dt=YYYY-MM-DD/<name>.jsonl[.gz]}, on a local
 * folder or an object store alike (through Hadoop's FileSystem, which S3A implements). Folders and
 * files whose names start with {@code _} or {@code .} are not landed data (markers, labels).
 */
public final class LandingZone {
    private static final Pattern DAY = Pattern.compile("dt=\\d{4}-\\d{2}-\\d{2}");

    private final String root;
    private final Configuration hadoop;

    public LandingZone(String root, Configuration hadoop) {
        this.root = root;
        this.hadoop = hadoop;
    }

    /** Every landed data file, in a stable order (source, then path). */
    public List<LandedFile> files() {
        Path rootPath = new Path(root);
        try {
            FileSystem fs = rootPath.getFileSystem(hadoop);
            if (!fs.exists(rootPath)) {
                throw new IllegalArgumentException("landing zone not found: " + root);
            }
            List<LandedFile> files = new ArrayList<>();
            for (FileStatus folder : fs.listStatus(rootPath)) {
                if (folder.isDirectory() && !hidden(folder.getPath())) {
                    collect(fs, folder.getPath(), folder.getPath().getName(), files);
                }
            }
            files.sort(Comparator.comparing(LandedFile::source).thenComparing(LandedFile::path));
            return files;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list landing zone " + root, e);
        }
    }

    private static void collect(FileSystem fs, Path sourceFolder, String source, List<LandedFile> into)
            throws IOException {
        for (FileStatus day : fs.listStatus(sourceFolder)) {
            if (!day.isDirectory() || !DAY.matcher(day.getPath().getName()).matches()) {
                continue;
            }
            RemoteIterator<LocatedFileStatus> it = fs.listFiles(day.getPath(), true);
            while (it.hasNext()) {
                LocatedFileStatus file = it.next();
                String name = file.getPath().getName();
                if (!hidden(file.getPath()) && (name.endsWith(".jsonl") || name.endsWith(".jsonl.gz"))) {
                    into.add(new LandedFile(source, file.getPath().toString(), file.getLen(), file.getModificationTime()));
                }
            }
        }
    }

    private static boolean hidden(Path path) {
        String name = path.getName();
        return name.startsWith("_") || name.startsWith(".");
    }
}
