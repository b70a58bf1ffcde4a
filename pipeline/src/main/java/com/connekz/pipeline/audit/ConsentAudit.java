package com.connekz.pipeline.audit;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.not;
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
import com.connekz.pipeline.lake.VersionScan;
import java.time.Instant;
import java.util.ArrayList;
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
import org.apache.spark.sql.types.StructType;

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
    private static final String BUILD = "_build";
    private static final String JUDGEABLE = "_judgeable";
    /** Outcomes from the most to the least severe; an example counts under its most severe one. */
    private static final List<String> SEVERITY_ORDER = List.of(ConsentVerdict.UNKNOWN_TIME, ConsentVerdict.NO_CONSENT_AT_TIME,
            ConsentVerdict.WITHDRAWN_BEFORE_BUILD, ConsentVerdict.WITHDRAWN_SINCE_BUILD);

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
        return auditAll(List.of(build)).get(0);
    }

    /**
     * Audits several versions, each exactly as {@link #audit(DatasetBuild)} would, in the order given.
     * Versions whose builds read the same consent table version and are judged as of the same instant
     * are checked together, in one pass over their examples and the consent events.
     */
    public List<ConsentVerdict> auditAll(List<DatasetBuild> builds) {
        String consentPath = lake.bronze(Source.CONSENT);
        OptionalLong latestVersion = DeltaTables.version(spark, consentPath);
        Long latest = latestVersion.isPresent() ? latestVersion.getAsLong() : null;
        Dataset<Row> eventsLatest = consentEvents(consentPath, latest);
        Map<DatasetBuild, ConsentVerdict> verdicts = new LinkedHashMap<>();
        Map<JudgedAs, List<DatasetBuild>> byBasis = new LinkedHashMap<>();
        for (DatasetBuild build : builds) {
            // A build without recorded inputs is judged against the latest consent table: never laxer.
            Long atBuild = build.input("bronze/" + Source.CONSENT.folder()).orElse(latest);
            byBasis.computeIfAbsent(new JudgedAs(atBuild, build.buildStartedAt()), b -> new ArrayList<>()).add(build);
        }
        byBasis.forEach((judgedAs, group) -> {
            Dataset<Row> eventsAtBuild = consentEvents(consentPath, judgedAs.consentVersion());
            Map<Integer, Map<String, Long>> outcomes = outcomes(group, eventsAtBuild, eventsLatest, judgedAs.asOf());
            for (int i = 0; i < group.size(); i++) {
                verdicts.put(group.get(i), verdict(group.get(i), judgedAs, latest, outcomes.get(i)));
            }
        });
        return builds.stream().map(verdicts::get).toList();
    }

    /** The consent table version and the instant a build is judged against. */
    private record JudgedAs(Long consentVersion, Instant asOf) {}

    private static ConsentVerdict verdict(DatasetBuild build, JudgedAs judgedAs, Long latestConsentVersion,
                                          Map<String, Long> byOutcome) {
        Map<String, Long> failed = new LinkedHashMap<>();
        ConsentVerdict.FAILURES.forEach(reason -> failed.put(reason, byOutcome.getOrDefault(reason, 0L)));
        long checked = byOutcome.values().stream().mapToLong(Long::longValue).sum();
        long failures = failed.values().stream().mapToLong(Long::longValue).sum();
        return new ConsentVerdict(build.dataset(), build.version(), failures == 0, checked, checked - failures, failed,
                byOutcome.getOrDefault(ConsentVerdict.WITHDRAWN_SINCE_BUILD, 0L),
                new ConsentVerdict.Basis(build.build().map(m -> m.runId()).orElse(null), judgedAs.asOf().toString(),
                        judgedAs.consentVersion(), latestConsentVersion));
    }

    /**
     * Examples per outcome of each build (by its index in {@code builds}): a failure reason,
     * {@code withdrawn_since_build}, or {@code consented}. A version without the columns consent
     * is judged by has every example {@code unverifiable}.
     */
    Map<Integer, Map<String, Long>> outcomes(List<DatasetBuild> builds, Dataset<Row> eventsAtBuild,
                                             Dataset<Row> eventsLatest, Instant asOfBuild) {
        Map<Integer, Map<String, Long>> byBuild = new LinkedHashMap<>();
        for (int i = 0; i < builds.size(); i++) {
            byBuild.put(i, new LinkedHashMap<>());
        }
        VersionScan.Result scan = VersionScan.scan(spark, builds.stream()
                .map(build -> new VersionScan.Wanted(lake.gold(build.dataset()), build.version())).toList(), ConsentAudit::judged);
        Dataset<Row> tagged = scan.rows();
        boolean allJudgeable = scan.covered().values().stream().allMatch(files -> judgeable(files.schema()));
        List<Integer> throughDelta = new ArrayList<>(scan.notCovered());
        throughDelta.addAll(scan.missingFiles());
        for (int i : throughDelta) {
            DatasetBuild build = builds.get(i);
            Dataset<Row> gold = spark.read().format("delta").option("versionAsOf", build.version()).load(lake.gold(build.dataset()));
            allJudgeable &= judgeable(gold.schema());
            Dataset<Row> labelled = gold.select(judged(gold.schema()).toArray(Column[]::new)).withColumn(VersionScan.INDEX, lit(i));
            tagged = tagged == null ? labelled : tagged.unionByName(labelled);
        }
        if (tagged != null) {
            Dataset<Row> all = tagged.withColumnRenamed(VersionScan.INDEX, BUILD);
            if (!allJudgeable) {
                for (Row row : all.filter(not(col(JUDGEABLE))).groupBy(BUILD).count().collectAsList()) {
                    byBuild.get(row.getInt(0)).put(ConsentVerdict.UNVERIFIABLE, row.getLong(1));
                }
            }
            Dataset<Row> examples = all.filter(col(JUDGEABLE)).drop(JUDGEABLE);
            for (Row row : severities(examples, eventsAtBuild, eventsLatest, asOfBuild)) {
                int r = row.getInt(1);
                byBuild.get(row.getInt(0)).put(r == 0 ? "consented" : SEVERITY_ORDER.get(SEVERITY_ORDER.size() - r), row.getLong(2));
            }
        }
        return byBuild;
    }

    private static boolean judgeable(StructType schema) {
        return Arrays.asList(schema.fieldNames()).containsAll(List.of(GoldSchema.KIND, GoldSchema.SUBJECT_HASH, GoldSchema.CREATED_AT));
    }

    /**
     * The columns an example is judged by, and whether its version has them all (a version that
     * lacks any gives nulls and is counted unverifiable, never judged).
     */
    private static List<Column> judged(StructType schema) {
        boolean all = judgeable(schema);
        return List.of(
                (all ? col(GoldSchema.EXAMPLE_ID) : lit(null).cast("string")).as(GoldSchema.EXAMPLE_ID),
                (all ? col(GoldSchema.KIND) : lit(null).cast("string")).as(GoldSchema.KIND),
                (all ? col(GoldSchema.SUBJECT_HASH) : lit(null).cast("string")).as(GoldSchema.SUBJECT_HASH),
                (all ? col(GoldSchema.CREATED_AT) : lit(null).cast("timestamp")).as(GoldSchema.CREATED_AT),
                lit(all).as(JUDGEABLE));
    }

    /** Rows of (build index, severity rank of each example's worst outcome, examples). */
    private static List<Row> severities(Dataset<Row> examples, Dataset<Row> eventsAtBuild, Dataset<Row> eventsLatest,
                                        Instant asOfBuild) {
        Dataset<Row> needs = examples.select(col(BUILD), col(GoldSchema.EXAMPLE_ID), col(GoldSchema.SUBJECT_HASH),
                col(GoldSchema.CREATED_AT), explode(purposes(col(GoldSchema.KIND))).as(PURPOSE));

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
        Column rank = lit(0);
        for (int i = 0; i < SEVERITY_ORDER.size(); i++) {
            rank = when(col(FAILURE).equalTo(SEVERITY_ORDER.get(i)), lit(SEVERITY_ORDER.size() - i)).otherwise(rank);
        }
        return judged.withColumn(FAILURE, failure)
                .withColumn(SEVERITY, rank)
                .groupBy(col(BUILD), col(GoldSchema.EXAMPLE_ID)).agg(max(col(SEVERITY)).as(SEVERITY))
                .groupBy(BUILD, SEVERITY).count()
                .collectAsList();
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
    private static Dataset<Row> intervals(Dataset<Row> hashedEvents, Instant asOf) {
        ConsentTimeline timeline = new ConsentTimeline(hashedEvents, asOf);
        return Arrays.stream(ConsentPurpose.values())
                .map(purpose -> timeline.intervals(purpose).select(
                        col("user_id").as("i_user"), lit(purpose.code()).as("i_purpose"),
                        col("from").as("i_from"), col("until").as("i_until"), col("granted").as("i_granted"),
                        col("granted_as_of_build").as("i_granted_as_of_build")))
                .reduce(Dataset::unionByName).orElseThrow();
    }

    /** Each user's state per purpose in the latest consent table, as of now. */
    private static Dataset<Row> latestStates(Dataset<Row> hashedEvents) {
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
