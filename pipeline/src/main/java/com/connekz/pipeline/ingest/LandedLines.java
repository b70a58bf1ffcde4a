package com.connekz.pipeline.ingest;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import com.connekz.pipeline.lake.HadoopConf;
import java.sql.Timestamp;
import java.util.List;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.catalyst.InternalRow;

/** The lines of a source's landed files, parsed into rows of {@link ParsedSchema}: one partition per {@link LandedSlice}. */
final class LandedLines {
    private LandedLines() {}

    /** Every line of {@code slices}, parsed by the tasks that read them (lazily: each action reads the files again). */
    static JavaRDD<InternalRow> read(SparkSession spark, Source source, List<LandedSlice> slices, String runId, Timestamp ingestedAt) {
        JavaSparkContext context = JavaSparkContext.fromSparkContext(spark.sparkContext());
        HadoopConf hadoop = new HadoopConf(spark.sparkContext().hadoopConfiguration());
        return context.parallelize(slices, slices.size()).flatMap(new LandedFileReader(source, runId, ingestedAt, hadoop));
    }

    /** Parsed lines as a frame of {@link ParsedSchema}, without converting them to external rows. */
    static Dataset<Row> frame(SparkSession spark, Source source, JavaRDD<InternalRow> lines) {
        return ((org.apache.spark.sql.classic.SparkSession) spark).internalCreateDataFrame(lines.rdd(),
                ParsedSchema.of(source), false);
    }

    /** The bad lines of {@code parsed}, as rows of {@link Quarantine#SCHEMA}. */
    static Dataset<Row> quarantineRows(Source source, Dataset<Row> parsed) {
        return parsed.filter(col(ParsedSchema.BAD_REASON).isNotNull()).select(
                lit(source.folder()).as("source"),
                col(BronzeSchema.SOURCE_FILE).as("file"),
                col(BronzeSchema.LINE).as("line"),
                col(ParsedSchema.BAD_REASON).as("reason"),
                col(ParsedSchema.BAD_FIELD).as("field"),
                col(ParsedSchema.BAD_MESSAGE).as("message"),
                col(ParsedSchema.RAW_LINE).as("raw_line"),
                col(BronzeSchema.RUN_ID).as("run_id"),
                col(BronzeSchema.INGESTED_AT).as("quarantined_at"));
    }
}
