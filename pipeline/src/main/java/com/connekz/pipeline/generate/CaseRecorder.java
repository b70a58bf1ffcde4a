package com.connekz.pipeline.generate;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Counts which policy cases the generated data holds and keeps the first few examples of each, so
 * that {@code _labels/cases.json} (and the samples' README built from it) says what is really there.
 * Memory stays bounded: beyond the counts, only {@value #EXAMPLES} examples per entry are kept.
 */
final class CaseRecorder {
    static final int EXAMPLES = 10;

    /** A count and its first examples. */
    static final class Tally {
        long count;
        final List<Object> examples = new ArrayList<>();

        void add(Object example) {
            count++;
            if (examples.size() < EXAMPLES) {
                examples.add(example);
            }
        }

        Map<String, Object> toJson() {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("count", count);
            json.put("examples", examples);
            return json;
        }
    }

    private final Map<PolicyCase, Tally> cases = new EnumMap<>(PolicyCase.class);
    private final Tally instances = new Tally();
    private final Map<String, Tally> calls = new LinkedHashMap<>();
    private final Map<Patterns.DeletionScope, Tally> deletions = new EnumMap<>(Patterns.DeletionScope.class);

    CaseRecorder() {
        for (PolicyCase policyCase : PolicyCase.values()) {
            cases.put(policyCase, new Tally());
        }
        for (String flag : List.of("true", "false", "missing")) {
            calls.put(flag, new Tally());
        }
        for (Patterns.DeletionScope scope : Patterns.DeletionScope.values()) {
            deletions.put(scope, new Tally());
        }
    }

    void user(UserProfile user) {
        for (PolicyCase policyCase : PolicyCase.values()) {
            if (policyCase.appliesTo(user)) {
                cases.get(policyCase).add(user.userId());
            }
        }
    }

    void instance(String instanceId, UserProfile developer, InstanceRequests.Business business) {
        Map<String, Object> example = new LinkedHashMap<>();
        example.put("instance_id", instanceId);
        example.put("developer_id", developer.userId());
        example.put("business", business.name().toLowerCase(java.util.Locale.ROOT));
        example.put("instance_training_consent", developer.instanceConsent());
        instances.add(example);
    }

    /** A call, by what its all_parties_notified flag says: true, false, or null when left out. */
    void call(String callId, Boolean allPartiesNotified) {
        calls.get(allPartiesNotified == null ? "missing" : allPartiesNotified.toString()).add(callId);
    }

    void deletion(Patterns.DeletionScope scope, String requestId, String userId, String targetId) {
        Map<String, Object> example = new LinkedHashMap<>();
        example.put("request_id", requestId);
        example.put("user_id", userId);
        if (targetId != null) {
            example.put("target_id", targetId);
        }
        deletions.get(scope).add(example);
    }

    long count(PolicyCase policyCase) {
        return cases.get(policyCase).count;
    }

    long instanceCount() {
        return instances.count;
    }

    long calls(String flag) {
        return calls.get(flag).count;
    }

    long deletions(Patterns.DeletionScope scope) {
        return deletions.get(scope).count;
    }

    Map<String, Object> toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        Map<String, Object> caseJson = new LinkedHashMap<>();
        cases.forEach((policyCase, tally) -> {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("description", policyCase.description());
            entry.putAll(tally.toJson());
            caseJson.put(policyCase.name(), entry);
        });
        json.put("cases", caseJson);
        json.put("instances", instances.toJson());
        Map<String, Object> callJson = new LinkedHashMap<>();
        calls.forEach((flag, tally) -> callJson.put("all_parties_notified_" + flag, tally.toJson()));
        json.put("calls", callJson);
        Map<String, Object> deletionJson = new LinkedHashMap<>();
        deletions.forEach((scope, tally) -> deletionJson.put(scope.json, tally.toJson()));
        json.put("deletions", deletionJson);
        return json;
    }
}
