package com.connekz.pipeline.generate;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Renders the case list of {@code cases.json} as Markdown tables, for the samples' README. */
final class CasesMarkdown {
    private static final int SHOWN = 5;

    private CasesMarkdown() {}

    @SuppressWarnings("unchecked")
    static String render(Map<String, Object> cases) {
        StringBuilder md = new StringBuilder();
        md.append("Generated with seed ").append(cases.get("seed")).append(": ").append(cases.get("users"))
                .append(" users over ").append(cases.get("days")).append(" days from ").append(cases.get("start_date"))
                .append(". The first user of each case shows exactly that case on an otherwise usable profile.\n\n");

        md.append("| policy case | what it shows | users | first users |\n|---|---|---:|---|\n");
        ((Map<String, Map<String, Object>>) cases.get("cases")).forEach((name, entry) ->
                md.append("| ").append(name).append(" | ").append(entry.get("description")).append(" | ")
                        .append(entry.get("count")).append(" | ").append(first((List<Object>) entry.get("examples")))
                        .append(" |\n"));

        Map<String, Object> instances = (Map<String, Object>) cases.get("instances");
        md.append("\nDeveloper instances (").append(instances.get("count")).append("):\n\n")
                .append("| instance_id | developer_id | business | instance_training consent |\n|---|---|---|---|\n");
        for (Object example : (List<Object>) instances.get("examples")) {
            Map<String, Object> instance = (Map<String, Object>) example;
            md.append("| ").append(instance.get("instance_id")).append(" | ").append(instance.get("developer_id"))
                    .append(" | ").append(instance.get("business")).append(" | ")
                    .append(instance.get("instance_training_consent")).append(" |\n");
        }

        md.append("\nCalls by `all_parties_notified`:\n\n| flag | calls | first calls |\n|---|---:|---|\n");
        ((Map<String, Map<String, Object>>) cases.get("calls")).forEach((flag, entry) ->
                md.append("| ").append(flag.replace("all_parties_notified_", "")).append(" | ").append(entry.get("count"))
                        .append(" | ").append(first((List<Object>) entry.get("examples"))).append(" |\n"));

        md.append("\nDeletion requests:\n\n| scope | requests | first requests (user → target) |\n|---|---:|---|\n");
        ((Map<String, Map<String, Object>>) cases.get("deletions")).forEach((scope, entry) -> {
            String examples = ((List<Object>) entry.get("examples")).stream().limit(SHOWN).map(e -> {
                Map<String, Object> request = (Map<String, Object>) e;
                return request.get("request_id") + " (" + request.get("user_id")
                        + (request.containsKey("target_id") ? " → " + request.get("target_id") : "") + ")";
            }).collect(Collectors.joining(", "));
            md.append("| ").append(scope).append(" | ").append(entry.get("count")).append(" | ").append(examples).append(" |\n");
        });

        md.append("\nDeliberately bad lines by kind: ");
        md.append(((Map<String, Object>) cases.get("bad_lines")).entrySet().stream()
                .map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", ")));
        md.append(". Re-delivered duplicates by source: ");
        md.append(((Map<String, Object>) cases.get("duplicates")).entrySet().stream()
                .map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", ")));
        md.append(".\n");
        return md.toString();
    }

    private static String first(List<Object> examples) {
        return examples.stream().limit(SHOWN).map(String::valueOf).collect(Collectors.joining(", "));
    }
}
