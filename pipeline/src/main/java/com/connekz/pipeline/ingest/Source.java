package com.connekz.pipeline.ingest;

import static com.connekz.pipeline.ingest.Field.optional;
import static com.connekz.pipeline.ingest.Field.optionalOneOf;
import static com.connekz.pipeline.ingest.Field.required;
import static com.connekz.pipeline.ingest.Field.requiredOneOf;
import static com.connekz.pipeline.ingest.FieldType.BOOLEAN;
import static com.connekz.pipeline.ingest.FieldType.DATE;
import static com.connekz.pipeline.ingest.FieldType.JSON;
import static com.connekz.pipeline.ingest.FieldType.SEGMENTS;
import static com.connekz.pipeline.ingest.FieldType.STRING;
import static com.connekz.pipeline.ingest.FieldType.TIMESTAMP;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The landing-zone sources of the contract (section 1), each with its explicit schema and natural
 * key. A folder name outside this list is not training data and is refused.
 */
public enum Source {
    CHATS("chats", "message_id", "created_at", List.of(
            required("message_id", STRING),
            required("conversation_id", STRING),
            required("user_id", STRING),
            requiredOneOf("role", "user", "assistant", "system"),
            required("text", STRING),
            required("created_at", TIMESTAMP),
            optionalOneOf("channel", "web", "mobile", "voice"),
            optional("attachments_text", STRING))),
    MEMORIES("memories", "memory_id", "created_at", List.of(
            required("memory_id", STRING),
            required("user_id", STRING),
            required("text", STRING),
            required("created_at", TIMESTAMP),
            optional("updated_at", TIMESTAMP))),
    CALLS("calls", "call_id", "started_at", List.of(
            required("call_id", STRING),
            required("user_id", STRING),
            required("started_at", TIMESTAMP),
            required("segments", SEGMENTS),
            optional("ended_at", TIMESTAMP),
            optional("direction", STRING),
            optional("summary", STRING),
            optional("recording_uri", STRING),
            optional("all_parties_notified", BOOLEAN))),
    API("api", "request_id", "created_at", List.of(
            required("request_id", STRING),
            required("instance_id", STRING),
            required("developer_id", STRING),
            required("prompt", STRING),
            required("output", STRING),
            required("created_at", TIMESTAMP),
            optional("model", STRING),
            optional("api_key_id", STRING),
            optional("usage", JSON))),
    ACCOUNTS("accounts", "user_id", "created_at", List.of(
            required("user_id", STRING),
            required("created_at", TIMESTAMP),
            optional("date_of_birth", DATE),
            optional("region", STRING),
            optional("deleted_at", TIMESTAMP))),
    CONSENT("consent", "event_id", "effective_at", List.of(
            required("event_id", STRING),
            required("user_id", STRING),
            requiredOneOf("purpose", "model_training", "call_training", "instance_training"),
            required("granted", BOOLEAN),
            required("effective_at", TIMESTAMP),
            optional("policy_version", STRING),
            optional("source", STRING))),
    DELETIONS("deletions", "request_id", "requested_at", List.of(
            required("request_id", STRING),
            required("user_id", STRING),
            requiredOneOf("scope", "conversation", "call", "memory", "all_assistant_data", "account"),
            required("requested_at", TIMESTAMP),
            optional("target_id", STRING)));

    private final String folder;
    private final String naturalKey;
    private final String createdAtField;
    private final List<Field> fields;

    Source(String folder, String naturalKey, String createdAtField, List<Field> fields) {
        this.folder = folder;
        this.naturalKey = naturalKey;
        this.createdAtField = createdAtField;
        this.fields = fields;
    }

    /** The folder under the landing root and the table name under {@code bronze/} and {@code silver/}. */
    public String folder() {
        return folder;
    }

    /** The field whose value identifies a record; landing it again merges instead of duplicating. */
    public String naturalKey() {
        return naturalKey;
    }

    /**
     * The field grouping records into one training example, redacted together: a chat's
     * conversation. Every other record is an example of its own.
     */
    public String exampleKey() {
        return this == CHATS ? "conversation_id" : naturalKey;
    }

    /** The field holding the instant the record came to be, against which consent and age are judged. */
    public String createdAtField() {
        return createdAtField;
    }

    public List<Field> fields() {
        return fields;
    }

    /** Whether records of this source are content to train on, as opposed to policy inputs. */
    public boolean isContent() {
        return this == CHATS || this == MEMORIES || this == CALLS || this == API;
    }

    public static Optional<Source> byFolder(String folder) {
        return Arrays.stream(values()).filter(s -> s.folder.equals(folder)).findFirst();
    }

    public static List<Source> content() {
        return Arrays.stream(values()).filter(Source::isContent).toList();
    }
}
