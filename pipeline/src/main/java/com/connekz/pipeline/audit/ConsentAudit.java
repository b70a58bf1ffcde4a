package com.connekz.pipeline.audit;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.when;

import com.connekz.pipeline.consent.ConsentPurpose;
import com.connekz.pipeline.consent.ConsentTimeline;
import com.connekz.pipeline.datasets.ExampleBuilder;
import com.connekz.pipeline.datasets.GoldSchema;
import com.connekz.pipeline.hashing.KeyedHash;
import com.connekz.pipeline.ingest.BronzeSchema;
import com.connekz.pipeline.ingest.Source;
import com.connekz.pipeline.lake.DeltaTables;
import com.connekz.pipeline.lake.Lake;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * {@code audit consent}: re-derives, independently of the govern stage, that every example of a
 * dataset version is one its subject consented to. Each example needs the consents of its kind
 * (chat and memory {@code model_training}; call also {@code call_training}; api
 * {@code instance_training} of the developer), held at the example's {@code created_at} and not
 * withdrawn as of the build, in the consent table version the build read. Withdrawals in the latest
 * consent table after the build are counted apart: they do not fail this version.
 *
 * <p>Set-based: consent user ids are keyed-hashed once per event with the run's key and joined to
 * the examples' {@code subject_hash}; there is no lookup per example. The verdict holds counts only.
 */
public final class ConsentAudit {
    private static final String PURPOSE = "_purpose";
    private static final String FAILURE = "_failure";
    private static final String SEVERITY = "_severity";

    private final SparkSession spark;
    private final Lake lake;
    private final KeyedHash hash;

    public ConsentAudit(SparkSession spark, Lake lake, KeyedHash hash) {
        this.spark = spark;
        this.lake = lake;
        this.hash = hash;
    }

    /** Audits {@code version} of dataset {@code name} (its latest published version when empty). */
    public ConsentVerdict audit(String name, Optional<Long> version) {
        return audit(DatasetBuild.of(spark, lake, name, version));
    }

    /** Audits the version {@code build} describes, judging withdrawals as of {@link DatasetBuild#buildStartedAt()}. */
    public ConsentVerdict audit(DatasetBuild build) {
        Dataset<Row> gold = spark.read().format("delta").option("versionAsOf", build.version()).load(lake.gold(build.dataset()));
        String consentPath = lake.bronze(Source.CONSENT);
        OptionalLong latest = DeltaTables.version(spark, consentPath);
        // A build without recorded inputs is judged against the latest consent table: never laxer.
        Long atBuild = build.input("bronze/" + Source.CONSENT.folder()).orElse(latest.isPresent() ? latest.getAsLong() : null);
        Dataset<Row> eventsAtBuild = consentEvents(consentPath, atBuild);
        Dataset<Row> eventsLatest = consentEvents(consentPath, latest.isPresent() ? latest.getAsLong() : null);
        Map<String, Long> failed = new LinkedHashMap<>();
        ConsentVerdict.FAILURES.forEach(reason -> failed.put(reason, 0L));
        long checked;
        long withdrawnSince = 0;
        if (!Arrays.asList(gold.columns()).containsAll(List.of(GoldSchema.KIND, GoldSchema.SUBJECT_HASH, GoldSchema.CREATED_AT))) {
            checked = gold.select(lit(1)).collectAsList().size();
            failed.put(ConsentVerdict.UNVERIFIABLE, checked);
        } else {
            Map<String, Long> byOutcome = outcomes(gold, eventsAtBuild, eventsLatest, build.buildStartedAt());
            checked = byOutcome.values().stream().mapToLong(Long::longValue).sum();
            byOutcome.forEach((outcome, n) -> {
                if (failed.containsKey(outcome)) {
                    failed.put(outcome, n);
                }
            });
            withdrawnSince = byOutcome.getOrDefault(ConsentVerdict.WITHDRAWN_SINCE_BUILD, 0L);
        }
        long failures = failed.values().stream().mapToLong(Long::longValue).sum();
        return new ConsentVerdict(build.dataset(), build.version(), failures == 0, checked, checked - failures, failed,
                withdrawnSince, new ConsentVerdict.Basis(build.build().map(m -> m.runId()).orElse(null),
                        build.buildStartedAt().toString(), atBuild, latest.isPresent() ? latest.getAsLong() : null));
    }

    /** Examples per outcome: a failure reason, {@code withdrawn_since_build}, or {@code consented}. */
    Map<String, Long> outcomes(Dataset<Row> gold, Dataset<Row> eventsAtBuild, Dataset<Row> eventsLatest, Instant asOfBuild) {
        Dataset<Row> needs = gold.select(col(GoldSchema.EXAMPLE_ID), col(GoldSchema.SUBJECT_HASH), col(GoldSchema.CREATED_AT),
                        explode(purposes(col(GoldSchema.KIND))).as(PURPOSE));

        Dataset<Row> atBuild = intervals(eventsAtBuild, asOfBuild);
        Column subject = col(GoldSchema.SUBJECT_HASH);
        Column time = col(GoldSchema.CREATED_AT);
        Dataset<Row> judged = needs.join(atBuild, subject.equalTo(col("i_user")).and(col(PURPOSE).equalTo(col("i_purpose")))
                        .and(time.geq(col("i_from"))).and(col("i_until").isNull().or(time.lt(col("i_until")))), "left")
                .join(latestStates(eventsLatest), subject.equalTo(col("l_user")).and(col(PURPOSE).equalTo(col("l_purpose"))), "left");

        Column failure = when(time.isNull(), lit(ConsentVerdict.UNKNOWN_TIME))
                .when(col("i_from").isNull().or(col("i_granted").equalTo(false)), lit(ConsentVerdict.NO_CONSENT_AT_TIME))
                .when(col("i_granted_as_of_build").equalTo(false), lit(ConsentVerdict.WITHDRAWN_BEFORE_BUILD))
                .when(coalesce(col("l_granted"), lit(false)).equalTo(false), lit(ConsentVerdict.WITHDRAWN_SINCE_BUILD));
        List<String> severity = List.of(ConsentVerdict.UNKNOWN_TIME, ConsentVerdict.NO_CONSENT_AT_TIME,
                ConsentVerdict.WITHDRAWN_BEFORE_BUILD, ConsentVerdict.WITHDRAWN_SINCE_BUILD);
        Column rank = lit(0);
        for (int i = 0; i < severity.size(); i++) {
            rank = when(col(FAILURE).equalTo(severity.get(i)), lit(severity.size() - i)).otherwise(rank);
        }
        List<Row> counts = judged.withColumn(FAILURE, failure)
                .withColumn(SEVERITY, rank)
                .groupBy(col(GoldSchema.EXAMPLE_ID)).agg(max(col(SEVERITY)).as(SEVERITY))
                .groupBy(SEVERITY).count()
                .collectAsList();
        Map<String, Long> byOutcome = new LinkedHashMap<>();
        for (Row row : counts) {
            int r = row.getInt(0);
            byOutcome.put(r == 0 ? "consented" : severity.get(severity.size() - r), row.getLong(1));
        }
        return byOutcome;
    }

    /** The purposes an example of {@code kind} needs; an unknown kind needs one nobody can hold. */
    static Column purposes(Column kind) {
        Column model = lit(ConsentPurpose.MODEL_TRAINING.code());
        return when(kind.isin(ExampleBuilder.CHAT, ExampleBuilder.MEMORY), array(model))
                .when(kind.equalTo(ExampleBuilder.CALL), array(model, lit(ConsentPurpose.CALL_TRAINING.code())))
                .when(kind.equalTo(ExampleBuilder.API), array(lit(ConsentPurpose.INSTANCE_TRAINING.code())))
                .otherwise(array(lit("unknown_kind")));
    }

    /** Consent intervals of every purpose as of the build, the user named by keyed hash. */
    private Dataset<Row> intervals(Dataset<Row> hashedEvents, Instant asOf) {
        ConsentTimeline timeline = new ConsentTimeline(hashedEvents, asOf);
        return Arrays.stream(ConsentPurpose.values())
                .map(purpose -> timeline.intervals(purpose).select(
                        col("user_id").as("i_user"), lit(purpose.code()).as("i_purpose"),
                        col("from").as("i_from"), col("until").as("i_until"), col("granted").as("i_granted"),
                        col("granted_as_of_build").as("i_granted_as_of_build")))
                .reduce(Dataset::unionByName).orElseThrow();
    }

    /** Each user's state per purpose in the latest consent table, as of now. */
    private Dataset<Row> latestStates(Dataset<Row> hashedEvents) {
        ConsentTimeline timeline = new ConsentTimeline(hashedEvents, Instant.now());
        return Arrays.stream(ConsentPurpose.values())
                .map(purpose -> timeline.intervals(purpose)
                        .select(col("user_id").as("l_user"), lit(purpose.code()).as("l_purpose"),
                                col("granted_as_of_build").as("l_granted"))
                        .distinct())
                .reduce(Dataset::unionByName).orElseThrow();
    }

    /** The consent events of one table version with {@code user_id} replaced by its keyed hash; none when there is no table. */
    private Dataset<Row> consentEvents(String path, Long version) {
        if (version == null) {
            return spark.createDataFrame(List.of(), BronzeSchema.of(Source.CONSENT));
        }
        Dataset<Row> events = spark.read().format("delta").option("versionAsOf", version).load(path)
                .select("event_id", "user_id", "purpose", "granted", "effective_at");
        return events.withColumn("user_id", hash.column(col("user_id")));
    }
}
