package com.connekz.pipeline.bench;

import com.connekz.pipeline.ingest.Field;
import com.connekz.pipeline.ingest.Source;
import com.connekz.pipeline.ingest.BronzeSchema;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Stream;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;

/**
 * The physical floor a stage is compared with: Spark reads the same landed JSON with the same
 * explicit schema and writes it to Delta, with no validation, merge, quarantine or ledger.
 */
final class BareCopy {
    private BareCopy() {}

    /** Copies every source folder holding a day under {@code landing} to Delta tables under {@code out}. */
    static void copy(SparkSession spark, Path landing, Path out) {
        for (Source source : Source.values()) {
            Path folder = landing.resolve(source.folder());
            if (holdsADay(folder)) {
                spark.read().schema(contractSchema(source)).json(folder + "/dt=*/*.jsonl*")
                        .write().format("delta").mode("overwrite").save(out.resolve(source.folder()).toString());
            }
        }
    }

    private static boolean holdsADay(Path folder) {
        if (!Files.isDirectory(folder)) {
            return false;
        }
        try (Stream<Path> days = Files.list(folder)) {
            return days.anyMatch(day -> day.getFileName().toString().startsWith("dt="));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static StructType contractSchema(Source source) {
        StructType bronze = BronzeSchema.of(source);
        return new StructType(Arrays.stream(bronze.fields())
                .filter(f -> source.fields().stream().map(Field::name).anyMatch(f.name()::equals))
                .toArray(org.apache.spark.sql.types.StructField[]::new));
    }
}
