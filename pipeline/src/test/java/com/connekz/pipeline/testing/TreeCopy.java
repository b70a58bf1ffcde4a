package com.connekz.pipeline.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.stream.Stream;
import org.apache.hadoop.fs.FileUtil;

/** Copies a template lake built once per test JVM, so each test gets its own lake without rebuilding it. */
public final class TreeCopy {
    private TreeCopy() {}

    /**
     * A new temporary folder for a template that lives as long as the test JVM: it is removed, with
     * everything in it, when the JVM exits, so repeated test runs leave nothing behind.
     */
    public static Path templateFolder(String prefix) throws IOException {
        Path folder = Files.createTempDirectory(prefix);
        // Best effort at exit: a folder left behind is only disk space in the temporary folder.
        Runtime.getRuntime().addShutdownHook(new Thread(() -> FileUtil.fullyDelete(folder.toFile())));
        return folder;
    }

    /** Copies every folder and file under {@code from} to the same relative place under {@code to}. */
    public static void copy(Path from, Path to) {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : files.toList()) {
                Path copy = to.resolve(from.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(copy);
                } else {
                    Files.copy(file, copy, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
