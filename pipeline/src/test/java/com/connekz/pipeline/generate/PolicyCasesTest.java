package com.connekz.pipeline.generate;

import static org.assertj.core.api.Assertions.assertThat;

import com.connekz.pipeline.ingest.Source;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A small generated set holds every policy case, and the data itself shows each one. */
class PolicyCasesTest {

    @TempDir
    static Path root;

    static JsonNode cases;

    @BeforeAll
    static void generate() {
        LandingGenerator.generate(root, GeneratorOptions.of(30, 3));
        cases = LandingGeneratorTest.casesJson(root);
    }

    private static String example(PolicyCase policyCase) {
        return cases.path("cases").path(policyCase.name()).path("examples").get(0).asText();
    }

    private static List<JsonNode> of(Source source, String userField, String userId) {
        return LandingLines.goodRecords(root, source).stream()
                .filter(r -> r.path(userField).asText().equals(userId)).toList();
    }

    private static List<JsonNode> consent(String userId, String purpose) {
        return of(Source.CONSENT, "user_id", userId).stream()
                .filter(e -> e.path("purpose").asText().equals(purpose)).toList();
    }

    @Test
    void theGenerateCommandsHelpNamesTheRightNumberOfShowcaseUsers() {
        assertThat(PolicyCase.values()).as("update GenerateCommand's description").hasSize(25);
    }

    @Test
    void everyCaseCallFlagAndDeletionScopeIsPresent() {
        for (PolicyCase policyCase : PolicyCase.values()) {
            assertThat(cases.path("cases").path(policyCase.name()).path("count").asLong()).as(policyCase.name()).isPositive();
        }
        for (String flag : List.of("true", "false", "missing")) {
            assertThat(cases.path("calls").path("all_parties_notified_" + flag).path("count").asLong()).as(flag).isPositive();
        }
        for (String scope : List.of("conversation", "call", "memory", "all_assistant_data", "account")) {
            assertThat(cases.path("deletions").path(scope).path("count").asLong()).as(scope).isPositive();
        }
        Set<String> instances = LandingLines.goodRecords(root, Source.API).stream()
                .map(r -> r.path("instance_id").asText()).collect(Collectors.toSet());
        assertThat(instances).hasSizeGreaterThanOrEqualTo(3);
        assertThat(cases.path("instances").path("count").asLong()).isEqualTo(instances.size());
    }

    @Test
    void consentCasesShowInTheConsentEvents() {
        assertThat(consent(example(PolicyCase.NO_CONSENT), "model_training")).isEmpty();
        assertThat(of(Source.CHATS, "user_id", example(PolicyCase.NO_CONSENT))).isNotEmpty();

        List<JsonNode> late = consent(example(PolicyCase.LATE_CONSENT), "model_training");
        assertThat(late).hasSize(1);
        OffsetDateTime grantedAt = OffsetDateTime.parse(late.get(0).path("effective_at").asText());
        assertThat(of(Source.CHATS, "user_id", example(PolicyCase.LATE_CONSENT)))
                .anyMatch(m -> OffsetDateTime.parse(m.path("created_at").asText()).isBefore(grantedAt));

        assertThat(consent(example(PolicyCase.WITHDRAWAL), "model_training"))
                .extracting(e -> e.path("granted").asBoolean()).containsExactlyInAnyOrder(true, false);
        assertThat(consent(example(PolicyCase.REGRANT), "model_training"))
                .extracting(e -> e.path("granted").asBoolean()).containsExactlyInAnyOrder(true, false, true);

        List<JsonNode> sameInstant = consent(example(PolicyCase.SAME_INSTANT_GRANT_AND_WITHDRAWAL), "model_training");
        assertThat(sameInstant).extracting(e -> e.path("granted").asBoolean()).containsExactlyInAnyOrder(true, false);
        assertThat(sameInstant.stream().map(e -> e.path("effective_at").asText()).distinct()).hasSize(1);

        String wrongPurpose = example(PolicyCase.WRONG_PURPOSE);
        assertThat(consent(wrongPurpose, "model_training")).isEmpty();
        assertThat(of(Source.CONSENT, "user_id", wrongPurpose)).isNotEmpty();
    }

    @Test
    void ageAndAccountCasesShowInTheAccounts() {
        LocalDate start = GeneratorOptions.DEFAULT_START_DATE;
        JsonNode minor = of(Source.ACCOUNTS, "user_id", example(PolicyCase.MINOR)).get(0);
        assertThat(LocalDate.parse(minor.path("date_of_birth").asText())).isAfter(start.plusDays(3).minusYears(18));

        JsonNode turning = of(Source.ACCOUNTS, "user_id", example(PolicyCase.TURNS_18_IN_WINDOW)).get(0);
        LocalDate eighteenth = LocalDate.parse(turning.path("date_of_birth").asText()).plusYears(18);
        assertThat(eighteenth).isAfter(start).isBefore(start.plusDays(3));

        JsonNode unknown = of(Source.ACCOUNTS, "user_id", example(PolicyCase.UNKNOWN_AGE)).get(0);
        assertThat(unknown.has("date_of_birth")).isFalse();

        assertThat(of(Source.ACCOUNTS, "user_id", example(PolicyCase.DELETED_ACCOUNT)))
                .anyMatch(a -> a.has("deleted_at"));

        String noAccount = example(PolicyCase.NO_ACCOUNT);
        assertThat(of(Source.ACCOUNTS, "user_id", noAccount)).isEmpty();
        assertThat(consent(noAccount, "model_training")).isNotEmpty();
        assertThat(of(Source.CHATS, "user_id", noAccount)).isNotEmpty();
    }

    @Test
    void callAndDeveloperCasesShowInCallsAndApiTraffic() {
        List<JsonNode> notNotified = of(Source.CALLS, "user_id", example(PolicyCase.CALLS_NOT_ALL_PARTIES_NOTIFIED));
        assertThat(notNotified).isNotEmpty().allMatch(c -> !c.path("all_parties_notified").asBoolean(false));
        assertThat(of(Source.CALLS, "user_id", example(PolicyCase.CALLS_ALL_PARTIES_NOTIFIED)))
                .isNotEmpty().allMatch(c -> c.path("all_parties_notified").asBoolean(false));
        String withoutCallConsent = example(PolicyCase.CALLS_WITHOUT_CALL_CONSENT);
        assertThat(of(Source.CALLS, "user_id", withoutCallConsent)).isNotEmpty();
        assertThat(consent(withoutCallConsent, "call_training")).isEmpty();

        String twoInstances = example(PolicyCase.DEVELOPER_TWO_INSTANCES);
        assertThat(of(Source.API, "developer_id", twoInstances).stream().map(r -> r.path("instance_id").asText())
                .distinct()).hasSize(2);
        assertThat(consent(example(PolicyCase.DEVELOPER_WITHOUT_INSTANCE_CONSENT), "instance_training")).isEmpty();
        assertThat(consent(example(PolicyCase.DEVELOPER), "instance_training")).hasSize(1);
        String chattingDeveloper = example(PolicyCase.DEVELOPER_WHO_CHATS);
        assertThat(of(Source.API, "developer_id", chattingDeveloper)).isNotEmpty();
        assertThat(of(Source.CHATS, "user_id", chattingDeveloper)).isNotEmpty();
    }

    @Test
    void deletionRequestsNameRecordsThatExist() {
        Set<String> conversations = ids(Source.CHATS, "conversation_id");
        Set<String> calls = ids(Source.CALLS, "call_id");
        Set<String> memories = ids(Source.MEMORIES, "memory_id");
        List<JsonNode> requests = LandingLines.goodRecords(root, Source.DELETIONS);
        assertThat(requests).extracting(r -> r.path("scope").asText())
                .contains("conversation", "call", "memory", "all_assistant_data", "account");
        for (JsonNode request : requests) {
            String target = request.path("target_id").asText(null);
            switch (request.path("scope").asText()) {
                case "conversation" -> assertThat(conversations).contains(target);
                case "call" -> assertThat(calls).contains(target);
                case "memory" -> assertThat(memories).contains(target);
                default -> assertThat(target).isNull();
            }
        }
    }

    private static Set<String> ids(Source source, String field) {
        return LandingLines.goodRecords(root, source).stream().map(r -> r.path(field).asText())
                .collect(Collectors.toCollection(HashSet::new));
    }
}
