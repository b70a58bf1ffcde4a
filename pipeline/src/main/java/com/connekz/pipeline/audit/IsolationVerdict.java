package com.connekz.pipeline.audit;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.ArrayList;
import java.util.List;

/**
 * The outcome of an isolation audit: which tables and versions were checked and every broken rule
 * as table, tenant and row count. It holds no row data.
 *
 * @param passed          no violation in any readable version
 * @param tablesChecked   gold tables found
 * @param versionsChecked table versions read in full
 * @param versionsAlreadyChecked retained versions not read because an earlier audit gate read them
 * @param requestsNotLanded API requests of the versions read that are no longer landed (deleted
 *                        since), so their instance could not be compared with their table's
 * @param violations      the broken rules
 * @param unreadable      retained versions whose files are gone (vacuumed); they could not be checked
 * @param read            the versions read in full
 */
public record IsolationVerdict(
        boolean passed,
        int tablesChecked,
        int versionsChecked,
        int versionsAlreadyChecked,
        long requestsNotLanded,
        List<Violation> violations,
        List<UnreadableVersion> unreadable,
        @JsonIgnore List<IsolationChecks.Checked> read) {

    public IsolationVerdict {
        violations = List.copyOf(violations);
        unreadable = List.copyOf(unreadable);
        read = List.copyOf(read);
    }

    /** Rules the audit checks. */
    public static final String TENANT_MISMATCH = "tenant_mismatch";
    public static final String API_OUTSIDE_INSTANCE = "api_outside_instance";
    public static final String API_REQUEST_IN_SEVERAL_TABLES = "api_request_in_several_tables";
    public static final String API_REQUEST_OF_ANOTHER_INSTANCE = "api_request_of_another_instance";
    public static final String NO_TENANT_COLUMN = "no_tenant_column";
    public static final String NOT_A_DATASET = "not_a_dataset";

    /**
     * One broken rule.
     *
     * @param table   the table's path under the lake, e.g. {@code gold/instances/i-1}
     * @param version the Delta version, or null for a rule across all versions
     * @param rule    one of the rule names of {@link IsolationVerdict}
     * @param tenant  the offending tenant value, or null where the rule is not about one
     * @param rows    how many rows (or, across tables, how many API requests) break it
     */
    public record Violation(String table, Long version, String rule, String tenant, long rows) {}

    /** A retained version that could not be read, with the kind of failure (never a row). */
    public record UnreadableVersion(String table, long version, String failure) {}

    /** The verdict for people, one line each. */
    public List<String> lines() {
        List<String> lines = new ArrayList<>();
        lines.add((passed ? "PASSED" : "FAILED") + ": isolation of " + tablesChecked + " gold table(s), "
                + versionsChecked + " version(s) checked"
                + (versionsAlreadyChecked > 0 ? " (" + versionsAlreadyChecked + " checked by an earlier gate)" : "")
                + ", " + violations.size() + " violation(s), "
                + unreadable.size() + " unreadable version(s)");
        for (Violation v : violations) {
            lines.add("  violation " + v.rule() + " in " + v.table() + (v.version() == null ? "" : " v" + v.version())
                    + (v.tenant() == null ? "" : " tenant " + v.tenant()) + ": " + v.rows() + " row(s)");
        }
        for (UnreadableVersion u : unreadable) {
            lines.add("  unreadable " + u.table() + " v" + u.version() + " (" + u.failure() + ")");
        }
        return lines;
    }
}
