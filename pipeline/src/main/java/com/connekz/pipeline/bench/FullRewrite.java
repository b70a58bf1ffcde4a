package com.connekz.pipeline.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.apache.spark.sql.SparkSession;

/**
 * What erasing users costs without targeted deletes: every Delta table a deletion may touch
 * (bronze, silver, gold) read in full and written again.
 */
final class FullRewrite {
    private static final List<String> ERASABLE_LAYERS = List.of("bronze", "silver", "gold");

    private FullRewrite() {}

    /** Rewrites each erasable table of the local lake {@code lake} into {@code out}. */
    static void rewrite(SparkSession spark, Path lake, Path out) {
        for (Path table : tables(lake)) {
            spark.read().format("delta").load(table.toString())
                    .write().format("delta").mode("overwrite").save(out.resolve(lake.relativize(table)).toString());
        }
    }

    static List<Path> tables(Path lake) {
        return ERASABLE_LAYERS.stream().map(lake::resolve).filter(Files::isDirectory)
                .flatMap(FullRewrite::deltaTablesUnder).sorted().toList();
    }

    private static Stream<Path> deltaTablesUnder(Path folder) {
        try (Stream<Path> paths = Files.walk(folder)) {
            return paths.filter(p -> p.getFileName().toString().equals("_delta_log")).map(Path::getParent).toList().stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
