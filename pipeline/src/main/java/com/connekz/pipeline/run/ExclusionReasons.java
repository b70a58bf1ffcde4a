package com.connekz.pipeline.run;

import java.util.List;

/** The reasons a governed record is left out of training data (contract section 5), in report order. */
public final class ExclusionReasons {
    public static final List<String> ALL = List.of(
            "no_consent", "withdrawn", "minor", "unknown_age", "no_account", "deleted_account",
            "parties_not_notified", "no_call_consent", "no_instance_consent", "deleted",
            // Fail-closed extensions: a record whose time or instance is missing cannot be decided.
            "unknown_time", "unknown_tenant",
            // Redaction found a type configured as drop_example (e.g. an NHI number) in the example.
            "redaction_dropped");

    private ExclusionReasons() {}
}
