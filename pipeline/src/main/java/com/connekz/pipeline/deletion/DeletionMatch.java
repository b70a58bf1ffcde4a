package com.connekz.pipeline.deletion;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.lit;

import com.connekz.pipeline.ingest.Source;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import org.apache.spark.sql.Column;

/**
 * Which records a deletion request names, as a join condition between a table and requests aliased
 * {@code r} with columns {@code user_key}, {@code target_key}, {@code scope} and {@code requested_at}.
 * The same rule serves raw ids (applying requests) and keyed hashes (tombstones), so what a request
 * erased is exactly what its tombstone keeps out.
 */
public final class DeletionMatch {
    public static final String USER_KEY = "user_key";
    public static final String TARGET_KEY = "target_key";
    public static final String SCOPE = "scope";
    public static final String REQUESTED_AT = "requested_at";

    private DeletionMatch() {}

    /** The field holding the person a record belongs to: the developer for API data. */
    public static String userColumn(Source source) {
        return source == Source.API ? "developer_id" : "user_id";
    }

    /** The field a targeted request's {@code target_id} names, if the source has targeted scopes. */
    public static Optional<String> targetColumn(Source source) {
        return switch (source) {
            case CHATS -> Optional.of("conversation_id");
            case CALLS -> Optional.of("call_id");
            case MEMORIES -> Optional.of("memory_id");
            default -> Optional.empty();
        };
    }

    /** Whether {@code all_assistant_data} covers the source. */
    public static boolean isAssistantData(Source source) {
        return source == Source.CHATS || source == Source.CALLS || source == Source.MEMORIES;
    }

    /**
     * The scopes whose requests can name a record of {@code source} (as {@link #condition} decides):
     * a table of another source need not be read for them.
     */
    public static Set<String> scopesCovering(Source source) {
        Set<String> scopes = new HashSet<>();
        scopes.add(DeletionScope.ACCOUNT.wireName());
        if (isAssistantData(source)) {
            scopes.add(DeletionScope.ALL_ASSISTANT_DATA.wireName());
        }
        switch (source) {
            case CHATS -> scopes.add(DeletionScope.CONVERSATION.wireName());
            case CALLS -> scopes.add(DeletionScope.CALL.wireName());
            case MEMORIES -> scopes.add(DeletionScope.MEMORY.wireName());
            default -> { }
        }
        return scopes;
    }

    /**
     * Whether a record of {@code source} (its user, target and creation instant given as columns of
     * the same kind as the requests' keys) is named by request {@code r}. Conversation and
     * all-assistant-data requests cover records up to the request only: the user keeps using the
     * assistant afterwards. Account requests cover everything of the user, whenever it was made.
     */
    public static Column condition(Source source, Column userKey, Column targetKey, Column createdAt) {
        Column scope = col("r." + SCOPE);
        Column upToRequest = createdAt.leq(col("r." + REQUESTED_AT));
        Column named = scope.equalTo(DeletionScope.ACCOUNT.wireName());
        if (isAssistantData(source)) {
            named = named.or(scope.equalTo(DeletionScope.ALL_ASSISTANT_DATA.wireName()).and(upToRequest));
        }
        Column sameTarget = targetKey == null ? lit(false) : targetKey.equalTo(col("r." + TARGET_KEY));
        named = switch (source) {
            case CHATS -> named.or(scope.equalTo(DeletionScope.CONVERSATION.wireName()).and(sameTarget).and(upToRequest));
            case CALLS -> named.or(scope.equalTo(DeletionScope.CALL.wireName()).and(sameTarget));
            case MEMORIES -> named.or(scope.equalTo(DeletionScope.MEMORY.wireName()).and(sameTarget));
            default -> named;
        };
        return userKey.equalTo(col("r." + USER_KEY)).and(named);
    }

    /**
     * Whether a quarantined line is named by request {@code r} (raw ids): the raw line holds the
     * user's id (account; all assistant data for assistant sources) or the target's id as a JSON
     * string value. A bad line cannot be parsed reliably, so any occurrence counts.
     */
    public static Column quarantineCondition(Column source, Column rawLine) {
        Column scope = col("r." + SCOPE);
        Column holdsUser = holds(rawLine, col("r." + USER_KEY));
        Column holdsTarget = holds(rawLine, col("r." + TARGET_KEY));
        Column assistantSource = source.isin(Source.CHATS.folder(), Source.CALLS.folder(), Source.MEMORIES.folder());
        return scope.equalTo(DeletionScope.ACCOUNT.wireName()).and(holdsUser)
                .or(scope.equalTo(DeletionScope.ALL_ASSISTANT_DATA.wireName()).and(assistantSource).and(holdsUser))
                .or(scope.equalTo(DeletionScope.CONVERSATION.wireName()).and(source.equalTo(Source.CHATS.folder())).and(holdsTarget))
                .or(scope.equalTo(DeletionScope.CALL.wireName()).and(source.equalTo(Source.CALLS.folder())).and(holdsTarget))
                .or(scope.equalTo(DeletionScope.MEMORY.wireName()).and(source.equalTo(Source.MEMORIES.folder())).and(holdsTarget));
    }

    private static Column holds(Column rawLine, Column id) {
        return id.isNotNull().and(rawLine.contains(concat(lit("\""), id, lit("\""))));
    }
}
