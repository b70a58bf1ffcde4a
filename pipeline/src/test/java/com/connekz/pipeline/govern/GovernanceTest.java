package com.connekz.pipeline.govern;

import static org.assertj.core.api.Assertions.assertThat;

import com.connekz.pipeline.ingest.Source;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

class GovernanceTest {
    static final Instant BUILD = Instant.parse("2026-11-25T00:00:00Z");
    static final LocalDate ADULT = LocalDate.parse("1990-01-01");

    final BronzeRows accounts = BronzeRows.of(Source.ACCOUNTS);
    final BronzeRows consent = BronzeRows.of(Source.CONSENT);

    static Instant at(String instant) {
        return Instant.parse(instant);
    }

    void adult(String user) {
        accounts.add("user_id", user, "created_at", at("2020-01-01T00:00:00Z"), "date_of_birth", ADULT);
    }

    void event(String id, String user, String purpose, boolean granted, String instant) {
        consent.add("event_id", id, "user_id", user, "purpose", purpose, "granted", granted, "effective_at", at(instant));
    }

    Governance governance() {
        return new Governance(consent.frame(), accounts.frame(), BUILD);
    }

    /** The exclusion reason of each record by its natural key ("used" when it is used). */
    Map<String, String> reasons(Source source, Dataset<Row> records) {
        Map<String, String> reasons = new HashMap<>();
        for (Row row : governance().decide(source, records).collectAsList()) {
            String reason = row.getAs(Governance.EXCLUSION_REASON);
            reasons.put(row.getAs(source.naturalKey()), reason == null ? "used" : reason);
        }
        return reasons;
    }

    static BronzeRows chats(String user, String... idsAndInstants) {
        BronzeRows chats = BronzeRows.of(Source.CHATS);
        for (int i = 0; i < idsAndInstants.length; i += 2) {
            chats.add("message_id", idsAndInstants[i], "conversation_id", "c", "user_id", user, "role", "user",
                    "text", "hello", "created_at", at(idsAndInstants[i + 1]));
        }
        return chats;
    }

    @Test
    void aRecordOneSecondBeforeTheGrantIsNotUsedAndOneAtTheGrantIs() {
        adult("u1");
        event("e1", "u1", "model_training", true, "2026-03-01T10:00:00Z");

        assertThat(reasons(Source.CHATS, chats("u1",
                "before", "2026-03-01T09:59:59Z",
                "at", "2026-03-01T10:00:00Z").frame()))
                .containsEntry("before", "no_consent")
                .containsEntry("at", "used");
    }

    @Test
    void noConsentEventAtAllMeansNoUse() {
        adult("u1");
        assertThat(reasons(Source.CHATS, chats("u1", "m", "2026-03-01T10:00:00Z").frame()))
                .containsEntry("m", "no_consent");
    }

    @Test
    void aGrantAndAWithdrawalAtTheSameInstantResolveToWithdrawal() {
        adult("u1");
        event("g0", "u1", "model_training", true, "2026-01-01T00:00:00Z");
        event("g1", "u1", "model_training", true, "2026-03-01T10:00:00Z");
        event("w1", "u1", "model_training", false, "2026-03-01T10:00:00Z");

        assertThat(reasons(Source.CHATS, chats("u1",
                "held-then-tie", "2026-02-01T00:00:00Z",
                "after-tie", "2026-03-01T10:00:00Z").frame()))
                .containsEntry("held-then-tie", "withdrawn")
                .containsEntry("after-tie", "no_consent");
    }

    @Test
    void aReGrantAfterAWithdrawalRestoresUseButNotForTheGap() {
        adult("u1");
        event("g1", "u1", "model_training", true, "2026-01-01T00:00:00Z");
        event("w1", "u1", "model_training", false, "2026-02-01T00:00:00Z");
        event("g2", "u1", "model_training", true, "2026-03-01T00:00:00Z");

        Dataset<Row> decided = governance().decide(Source.CHATS, chats("u1",
                "first-grant", "2026-01-15T00:00:00Z",
                "gap", "2026-02-15T00:00:00Z",
                "re-granted", "2026-03-15T00:00:00Z").frame());
        Map<String, String> reasons = new HashMap<>();
        Map<String, List<String>> lineage = new HashMap<>();
        for (Row row : decided.collectAsList()) {
            String reason = row.getAs(Governance.EXCLUSION_REASON);
            reasons.put(row.getAs("message_id"), reason == null ? "used" : reason);
            lineage.put(row.getAs("message_id"), row.getList(row.fieldIndex(Governance.CONSENT_EVENT_IDS)));
        }
        assertThat(reasons).containsEntry("first-grant", "used").containsEntry("gap", "no_consent")
                .containsEntry("re-granted", "used");
        assertThat(lineage.get("first-grant")).containsExactly("g1", "g2");
        assertThat(lineage.get("re-granted")).containsExactly("g2");
        assertThat(lineage.get("gap")).isEmpty();
    }

    @Test
    void aWithdrawalSinceTheRecordExcludesItButOneAfterTheBuildDoesNotYet() {
        adult("u1");
        adult("u2");
        event("g1", "u1", "model_training", true, "2026-01-01T00:00:00Z");
        event("w1", "u1", "model_training", false, "2026-06-01T00:00:00Z");
        event("g2", "u2", "model_training", true, "2026-01-01T00:00:00Z");
        event("w2", "u2", "model_training", false, "2026-12-01T00:00:00Z");

        assertThat(reasons(Source.CHATS, chats("u1", "withdrawn-since", "2026-02-01T00:00:00Z").frame()))
                .containsEntry("withdrawn-since", "withdrawn");
        assertThat(reasons(Source.CHATS, chats("u2", "withdrawn-after-build", "2026-02-01T00:00:00Z").frame()))
                .containsEntry("withdrawn-after-build", "used");
    }

    @Test
    void consentForAnotherPurposeDoesNotCount() {
        adult("u1");
        event("e1", "u1", "call_training", true, "2026-01-01T00:00:00Z");
        event("e2", "u1", "instance_training", true, "2026-01-01T00:00:00Z");
        assertThat(reasons(Source.CHATS, chats("u1", "m", "2026-03-01T00:00:00Z").frame()))
                .containsEntry("m", "no_consent");
    }

    @Test
    void anotherUsersConsentDoesNotCount() {
        adult("u1");
        adult("u2");
        event("e1", "u2", "model_training", true, "2026-01-01T00:00:00Z");
        assertThat(reasons(Source.CHATS, chats("u1", "m", "2026-03-01T00:00:00Z").frame()))
                .containsEntry("m", "no_consent");
    }

    @Test
    void aUserIsUsableFromTheStartOfTheirEighteenthBirthdayInUtc() {
        accounts.add("user_id", "teen", "created_at", at("2020-01-01T00:00:00Z"), "date_of_birth", LocalDate.parse("2008-06-15"));
        event("e1", "teen", "model_training", true, "2025-01-01T00:00:00Z");

        assertThat(reasons(Source.CHATS, chats("teen",
                "day-before", "2026-06-14T23:59:59Z",
                "birthday", "2026-06-15T00:00:00Z",
                "year-before", "2025-06-15T12:00:00Z").frame()))
                .containsEntry("day-before", "minor")
                .containsEntry("birthday", "used")
                .containsEntry("year-before", "minor");
    }

    @Test
    void someoneBornOnTheTwentyNinthOfFebruaryTurnsEighteenOnTheFirstOfMarch() {
        // Eighteen years after a leap year is never a leap year: the birthday itself does not exist.
        accounts.add("user_id", "leap", "created_at", at("2020-01-01T00:00:00Z"), "date_of_birth", LocalDate.parse("2008-02-29"));
        event("e1", "leap", "model_training", true, "2025-01-01T00:00:00Z");

        assertThat(reasons(Source.CHATS, chats("leap",
                "feb-28", "2026-02-28T23:59:59Z",
                "mar-01", "2026-03-01T00:00:00Z").frame()))
                .containsEntry("feb-28", "minor")
                .containsEntry("mar-01", "used");
    }

    @Test
    void accountsDecideBeforeConsentInAFixedOrder() {
        adult("u-ok");
        accounts.add("user_id", "u-deleted", "created_at", at("2020-01-01T00:00:00Z"), "date_of_birth", ADULT,
                "deleted_at", at("2026-10-01T00:00:00Z"));
        accounts.add("user_id", "u-deleted-later", "created_at", at("2020-01-01T00:00:00Z"), "date_of_birth", ADULT,
                "deleted_at", at("2026-12-01T00:00:00Z"));
        accounts.add("user_id", "u-no-age", "created_at", at("2020-01-01T00:00:00Z"));
        accounts.add("user_id", "u-minor", "created_at", at("2020-01-01T00:00:00Z"), "date_of_birth", LocalDate.parse("2015-01-01"));
        for (String user : List.of("u-ok", "u-deleted", "u-deleted-later", "u-no-age", "u-minor", "u-none")) {
            event("e-" + user, user, "model_training", true, "2025-01-01T00:00:00Z");
        }
        BronzeRows memories = BronzeRows.of(Source.MEMORIES);
        for (String user : List.of("u-ok", "u-deleted", "u-deleted-later", "u-no-age", "u-minor", "u-none", "u-no-consent")) {
            memories.add("memory_id", user, "user_id", user, "text", "likes tea", "created_at", at("2026-03-01T00:00:00Z"));
        }
        adult("u-no-consent");

        assertThat(reasons(Source.MEMORIES, memories.frame()))
                .containsEntry("u-ok", "used")
                .containsEntry("u-deleted", "deleted_account")
                .containsEntry("u-deleted-later", "used")
                .containsEntry("u-no-age", "unknown_age")
                .containsEntry("u-minor", "minor")
                .containsEntry("u-none", "no_account")
                .containsEntry("u-no-consent", "no_consent");
    }

    @Test
    void theMostRecentlyIngestedAccountStateWins() {
        accounts.add("user_id", "u1", "created_at", at("2020-01-01T00:00:00Z"), "date_of_birth", ADULT,
                "_ingested_at", at("2026-01-01T00:00:00Z"));
        accounts.add("user_id", "u1", "created_at", at("2020-01-01T00:00:00Z"), "date_of_birth", ADULT,
                "deleted_at", at("2026-05-01T00:00:00Z"), "_ingested_at", at("2026-06-01T00:00:00Z"));
        event("e1", "u1", "model_training", true, "2025-01-01T00:00:00Z");
        assertThat(reasons(Source.CHATS, chats("u1", "m", "2026-03-01T00:00:00Z").frame()))
                .containsEntry("m", "deleted_account");
    }

    BronzeRows call(BronzeRows calls, String id, String user, Boolean notified) {
        return calls.add("call_id", id, "user_id", user, "started_at", at("2026-03-01T00:00:00Z"),
                "segments", List.of(), "all_parties_notified", notified);
    }

    @Test
    void aCallNeedsBothConsentsAndNoticeToAllParties() {
        for (String user : List.of("both", "model-only", "call-only")) {
            adult(user);
        }
        event("m1", "both", "model_training", true, "2026-01-01T00:00:00Z");
        event("c1", "both", "call_training", true, "2026-01-01T00:00:00Z");
        event("m2", "model-only", "model_training", true, "2026-01-01T00:00:00Z");
        event("c3", "call-only", "call_training", true, "2026-01-01T00:00:00Z");
        BronzeRows calls = BronzeRows.of(Source.CALLS);
        call(calls, "ok", "both", true);
        call(calls, "not-notified", "both", false);
        call(calls, "notice-unknown", "both", null);
        call(calls, "model-only", "model-only", true);
        call(calls, "call-only", "call-only", true);

        Dataset<Row> decided = governance().decide(Source.CALLS, calls.frame());
        assertThat(reasons(Source.CALLS, calls.frame()))
                .containsEntry("ok", "used")
                .containsEntry("not-notified", "parties_not_notified")
                .containsEntry("notice-unknown", "parties_not_notified")
                .containsEntry("model-only", "no_call_consent")
                .containsEntry("call-only", "no_consent");
        Row used = decided.filter("call_id = 'ok'").first();
        assertThat(used.getList(used.fieldIndex(Governance.CONSENT_EVENT_IDS))).containsExactly("c1", "m1");
        assertThat((String) used.getAs(Governance.TENANT)).isEqualTo("assistant");
    }

    @Test
    void aDevelopersChatsAreAssistantDataAndTheirApiTrafficBelongsToTheirInstance() {
        adult("dev");
        event("m1", "dev", "model_training", true, "2026-01-01T00:00:00Z");
        BronzeRows api = BronzeRows.of(Source.API)
                .add("request_id", "r1", "instance_id", "i-7", "developer_id", "dev", "prompt", "p", "output", "o",
                        "created_at", at("2026-03-01T00:00:00Z"));

        Map<String, String> chatsWithoutInstanceConsent = reasons(Source.CHATS, chats("dev", "m", "2026-03-01T00:00:00Z").frame());
        assertThat(chatsWithoutInstanceConsent).containsEntry("m", "used");
        assertThat(reasons(Source.API, api.frame())).containsEntry("r1", "no_instance_consent");

        event("i1", "dev", "instance_training", true, "2026-01-01T00:00:00Z");
        Row chat = governance().decide(Source.CHATS, chats("dev", "m", "2026-03-01T00:00:00Z").frame()).first();
        Row request = governance().decide(Source.API, api.frame()).first();
        assertThat((String) chat.getAs(Governance.TENANT)).isEqualTo("assistant");
        assertThat((String) request.getAs(Governance.TENANT)).isEqualTo("instance:i-7");
        assertThat((String) request.getAs(Governance.SUBJECT_ID)).isEqualTo("dev");
        assertThat((String) request.getAs(Governance.EXCLUSION_REASON)).isNull();
        assertThat(request.getList(request.fieldIndex(Governance.CONSENT_EVENT_IDS))).containsExactly("i1");
    }

    @Test
    void aRecordWithoutATimeIsExcludedNotGuessed() {
        adult("u1");
        event("e1", "u1", "model_training", true, "2026-01-01T00:00:00Z");
        BronzeRows chats = BronzeRows.of(Source.CHATS)
                .add("message_id", "no-time", "conversation_id", "c", "user_id", "u1", "role", "user", "text", "t");
        assertThat(reasons(Source.CHATS, chats.nullableFrame())).containsEntry("no-time", "unknown_time");
    }

    @Test
    void everyRecordComesOutExactlyOnce() {
        adult("u1");
        event("g1", "u1", "model_training", true, "2026-01-01T00:00:00Z");
        event("g2", "u1", "model_training", true, "2026-02-01T00:00:00Z");
        event("w1", "u1", "model_training", false, "2026-03-01T00:00:00Z");
        BronzeRows chats = chats("u1", "a", "2025-12-01T00:00:00Z", "b", "2026-01-15T00:00:00Z",
                "c", "2026-02-15T00:00:00Z", "d", "2026-04-01T00:00:00Z");
        assertThat(governance().decide(Source.CHATS, chats.frame()).count()).isEqualTo(4);
    }
}
