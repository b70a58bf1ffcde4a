package com.connekz.pipeline.govern;

import com.connekz.pipeline.ingest.Source;
import com.connekz.pipeline.run.SourceCounts;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Where redaction plugs into governance: it receives the used records of one source's examples that
 * are new or changed since silver was last written, every used record of such an example (a whole
 * conversation, see {@link Source#exampleKey()}) and never an excluded one, and returns what
 * silver stores.
 * It must keep every column it receives, the natural key and {@code _content_hash} unchanged; it
 * may add columns (they become silver columns). A record it leaves out is not in silver after the
 * write, even when an older content of the same key was.
 */
@FunctionalInterface
public interface RedactionHook {
    /**
     * The column in which a hook with a {@link #policyVersion policy version} stores it on every row
     * it returns, so that silver says which rules redacted each row.
     */
    String POLICY_VERSION = "redaction_policy_version";

    /** Stores records as governed, unredacted: only for tests and for runs before redaction exists. */
    RedactionHook NONE = (source, records) -> records;

    Dataset<Row> redact(Source source, Dataset<Row> usedRecords);

    /**
     * The version of the redaction rules this hook applies to a source, or empty when it stores the
     * source's records as they are. A silver row redacted under another version (or under none) is
     * redacted again by the next write, so that improved rules reach every row, not only new ones.
     */
    default Optional<String> policyVersion(Source source) {
        return Optional.empty();
    }

    /**
     * Called once after silver of {@code source} is written: the records this hook kept out of what
     * it returned (e.g. examples holding a health identifier), moved from used to excluded under
     * their reason, so that accepted = used + excluded still holds. None by default.
     */
    default SourceCounts keptOut(Source source) {
        return SourceCounts.none();
    }

    /** A hook applying one transform per source; sources without one pass through unchanged. */
    static RedactionHook perSource(Map<Source, UnaryOperator<Dataset<Row>>> transforms) {
        Map<Source, UnaryOperator<Dataset<Row>>> copy = Map.copyOf(transforms);
        return (source, records) -> copy.getOrDefault(source, UnaryOperator.identity()).apply(records);
    }
}
