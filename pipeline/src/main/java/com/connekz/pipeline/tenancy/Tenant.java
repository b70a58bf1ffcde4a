package com.connekz.pipeline.tenancy;

import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.lit;

import com.connekz.pipeline.ingest.Source;
import java.util.Objects;
import org.apache.spark.sql.Column;

/**
 * Whose model a record may train: the assistant, or one developer instance. Every silver and gold
 * row carries its tenant's {@link #value()} in a {@code tenant} column; each tenant has its own gold
 * dataset, so no instance's data can reach another's by sharing a table.
 *
 * @param value {@code assistant} or {@code instance:<instance_id>}
 */
public record Tenant(String value) {
    public static final String COLUMN = "tenant";
    private static final String ASSISTANT = "assistant";
    private static final String INSTANCE_PREFIX = "instance:";
    private static final String INSTANCES_FOLDER = "instances/";

    public Tenant {
        Objects.requireNonNull(value, "tenant");
        if (!value.equals(ASSISTANT) && !(value.startsWith(INSTANCE_PREFIX) && value.length() > INSTANCE_PREFIX.length())) {
            throw new IllegalArgumentException("not a tenant: " + value);
        }
    }

    public static Tenant assistant() {
        return new Tenant(ASSISTANT);
    }

    public static Tenant instance(String instanceId) {
        return new Tenant(INSTANCE_PREFIX + instanceId);
    }

    /** The tenant whose gold dataset has this NAME ({@code assistant} or {@code instances/<id>}). */
    public static Tenant ofDataset(String datasetName) {
        if (datasetName.equals(ASSISTANT)) {
            return assistant();
        }
        if (datasetName.startsWith(INSTANCES_FOLDER) && datasetName.indexOf('/', INSTANCES_FOLDER.length()) < 0) {
            return instance(datasetName.substring(INSTANCES_FOLDER.length()));
        }
        throw new IllegalArgumentException("not a dataset name: " + datasetName);
    }

    public boolean isAssistant() {
        return value.equals(ASSISTANT);
    }

    /** The gold dataset NAME of this tenant: its path under {@code gold/}. */
    public String datasetName() {
        return isAssistant() ? ASSISTANT : INSTANCES_FOLDER + value.substring(INSTANCE_PREFIX.length());
    }

    /**
     * The tenant of each record of a content source, as a column: {@code assistant} for chats,
     * memories and calls (a developer's own chats included), {@code instance:<instance_id>} for API
     * records (null when the instance id is missing).
     */
    public static Column of(Source source) {
        return switch (source) {
            case API -> concat(lit(INSTANCE_PREFIX), org.apache.spark.sql.functions.col("instance_id"));
            case CHATS, MEMORIES, CALLS -> lit(ASSISTANT);
            default -> throw new IllegalArgumentException(source.folder() + " is not training content");
        };
    }

    @Override
    public String toString() {
        return value;
    }
}
