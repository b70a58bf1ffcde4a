package com.connekz.pipeline.govern;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.array_distinct;
import static org.apache.spark.sql.functions.array_sort;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

import com.connekz.pipeline.consent.ConsentPurpose;
import com.connekz.pipeline.consent.ConsentTimeline;
import com.connekz.pipeline.ingest.Source;
import com.connekz.pipeline.tenancy.Tenant;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;

/**
 * Decides for every record of a content source whether the privacy policy lets it train a model,
 * and whose model. A plain transform: bronze rows in, the same rows out with
 * {@value #TENANT}, {@value #SUBJECT_ID}, {@value #CONSENT_EVENT_IDS} and {@value #EXCLUSION_REASON}
 * (null when the record is used) added. Every input row comes out exactly once.
 *
 * <p>A record failing several rules gets the first reason in this order:
 * {@code unknown_time}, {@code unknown_tenant} (API), {@code no_account}, {@code deleted_account},
 * {@code unknown_age}, {@code minor}, then the consent of the source's main purpose
 * ({@code no_consent} / {@code withdrawn} for {@code model_training}, {@code no_instance_consent} /
 * {@code withdrawn} for API's {@code instance_training}), then for calls {@code no_call_consent} /
 * {@code withdrawn} for {@code call_training}, and last {@code parties_not_notified}.
 */
public final class Governance {
    /**
     * The version of these rules: a change to how a record is decided must raise it, so that the
     * next run decides every record again instead of only the new and affected ones.
     */
    public static final int RULES_VERSION = 1;
    public static final String TENANT = Tenant.COLUMN;
    /** The user whose account and consent decided the record: {@code user_id}, or the API's {@code developer_id}. */
    public static final String SUBJECT_ID = "subject_id";
    /** The consent events that allowed the record: lineage for replaying the decision (empty when excluded). */
    public static final String CONSENT_EVENT_IDS = "consent_event_ids";
    public static final String EXCLUSION_REASON = "exclusion_reason";

    private final ConsentTimeline consent;
    private final AccountStanding accounts;

    /**
     * @param consentEvents rows of {@code bronze/consent}
     * @param accounts      rows of {@code bronze/accounts}
     * @param asOf          the build instant ("as of the build" for withdrawals and deletions)
     */
    public Governance(Dataset<Row> consentEvents, Dataset<Row> accounts, Instant asOf) {
        this.consent = new ConsentTimeline(consentEvents, asOf);
        this.accounts = new AccountStanding(accounts, asOf);
    }

    /**
     * The decided records of {@code source}. {@code records} needs at least the columns of
     * {@link #decisionColumns(Source)}; any others are carried through unchanged.
     */
    public Dataset<Row> decide(Source source, Dataset<Row> records) {
        Column subject = col(subjectField(source));
        Column time = col(source.createdAtField());
        List<ConsentRule> rules = consentRules(source);

        Dataset<Row> decided = accounts.attach(records, subject, time, "_account_reason");
        for (ConsentRule rule : rules) {
            decided = consent.attach(decided, subject, time, rule.purpose(), rule.prefix(), rule.missingReason());
        }

        List<Column> exclusions = new ArrayList<>();
        exclusions.add(when(time.isNull(), lit(ExclusionReason.UNKNOWN_TIME.code())));
        exclusions.add(when(Tenant.of(source).isNull(), lit(ExclusionReason.UNKNOWN_TENANT.code())));
        exclusions.add(col("_account_reason"));
        rules.forEach(rule -> exclusions.add(col(rule.prefix() + "reason")));
        if (source == Source.CALLS) {
            exclusions.add(when(coalesce(col("all_parties_notified"), lit(false)).equalTo(false),
                    lit(ExclusionReason.PARTIES_NOT_NOTIFIED.code())));
        }
        Column reason = coalesce(exclusions.toArray(Column[]::new));

        Column allowingEvents = rules.size() == 1
                ? col(rules.get(0).prefix() + "event_ids")
                : array_sort(array_distinct(concat(rules.stream().map(r -> col(r.prefix() + "event_ids")).toArray(Column[]::new))));

        decided = decided
                .withColumn(TENANT, Tenant.of(source))
                .withColumn(SUBJECT_ID, subject)
                .withColumn(EXCLUSION_REASON, reason)
                .withColumn(CONSENT_EVENT_IDS, when(col(EXCLUSION_REASON).isNull(), allowingEvents)
                        .otherwise(array().cast(DataTypes.createArrayType(DataTypes.StringType))))
                .drop("_account_reason");
        for (ConsentRule rule : rules) {
            decided = decided.drop(rule.prefix() + "reason", rule.prefix() + "event_ids");
        }
        return decided;
    }

    /** The columns a decision reads: enough to count exclusions without reading any text or key. */
    public static List<String> decisionColumns(Source source) {
        List<String> columns = new ArrayList<>(List.of(subjectField(source), source.createdAtField()));
        if (source == Source.API) {
            columns.add("instance_id");
        }
        if (source == Source.CALLS) {
            columns.add("all_parties_notified");
        }
        return columns;
    }

    /** The field naming the user whose account and consent decide a record of {@code source}. */
    public static String subjectField(Source source) {
        return source == Source.API ? "developer_id" : "user_id";
    }

    /** One consent a source needs; its columns in the decision start with {@code prefix}. */
    private record ConsentRule(ConsentPurpose purpose, String missingReason, String prefix) {}

    /** The consents a source needs, in order of precedence. */
    private static List<ConsentRule> consentRules(Source source) {
        ConsentRule model = new ConsentRule(ConsentPurpose.MODEL_TRAINING, ExclusionReason.NO_CONSENT.code(), "_consent_model_");
        return switch (source) {
            case CHATS, MEMORIES -> List.of(model);
            case CALLS -> List.of(model,
                    new ConsentRule(ConsentPurpose.CALL_TRAINING, ExclusionReason.NO_CALL_CONSENT.code(), "_consent_call_"));
            case API -> List.of(
                    new ConsentRule(ConsentPurpose.INSTANCE_TRAINING, ExclusionReason.NO_INSTANCE_CONSENT.code(), "_consent_instance_"));
            default -> throw new IllegalArgumentException(source.folder() + " is not training content");
        };
    }
}
