package com.connekz.pipeline.generate;

import com.connekz.pipeline.generate.Patterns.Account;
import com.connekz.pipeline.generate.Patterns.Age;
import com.connekz.pipeline.generate.Patterns.Calls;
import com.connekz.pipeline.generate.Patterns.Consent;
import com.connekz.pipeline.generate.Patterns.DeletionScope;
import java.util.function.Predicate;

/**
 * The policy situations of contract section 2 the generated data exercises. The first users (one per
 * case, in this order) are made to show exactly one case each on top of an otherwise usable profile,
 * so that even a small generated set holds every case; later users mix traits at random.
 */
public enum PolicyCase {
    CONSENTED_ADULT("adult with model_training consent and an active account: usable",
            p -> p.chats() && p.consent() == Consent.GRANTED && p.age() == Age.ADULT && p.account() == Account.ACTIVE),
    NO_CONSENT("no model_training consent event at all (default deny)",
            p -> p.chats() && p.consent() == Consent.NONE),
    LATE_CONSENT("consent first granted mid-window: earlier records excluded",
            p -> p.chats() && p.consent() == Consent.LATE),
    WITHDRAWAL("consent granted before the window, withdrawn mid-window",
            p -> p.chats() && p.consent() == Consent.WITHDRAWN),
    REGRANT("granted, withdrawn on the first evening, granted again on the last morning",
            p -> p.chats() && p.consent() == Consent.REGRANTED),
    SAME_INSTANT_GRANT_AND_WITHDRAWAL("a grant and a withdrawal with the same effective_at",
            p -> p.chats() && p.consent() == Consent.SAME_INSTANT),
    WRONG_PURPOSE("only call_training / instance_training granted, never model_training",
            p -> p.chats() && p.consent() == Consent.WRONG_PURPOSE),
    MINOR("under 18 all through the window", p -> p.age() == Age.MINOR),
    TURNS_18_IN_WINDOW("turns 18 mid-window: earlier records are a minor's", p -> p.age() == Age.TURNS_18),
    UNKNOWN_AGE("account without date_of_birth", p -> p.age() == Age.UNKNOWN && p.account() != Account.NONE),
    DELETED_ACCOUNT("account row lands again mid-window with deleted_at", p -> p.account() == Account.DELETED),
    NO_ACCOUNT("consent events and content but no account row", p -> p.account() == Account.NONE),
    CALLS_ALL_PARTIES_NOTIFIED("calls with all_parties_notified true and call_training consent",
            p -> p.calls() == Calls.NOTIFIED && p.callConsent()),
    CALLS_NOT_ALL_PARTIES_NOTIFIED("calls with all_parties_notified false or missing",
            p -> (p.calls() == Calls.NOT_NOTIFIED || p.calls() == Calls.MIXED) && p.callConsent()),
    CALLS_WITHOUT_CALL_CONSENT("calls, model_training consent but no call_training",
            p -> p.makesCalls() && !p.callConsent()),
    DEVELOPER("developer with instance_training consent", p -> p.developer() && p.instanceConsent()),
    DEVELOPER_TWO_INSTANCES("developer running two instances", p -> p.instances() >= 2),
    DEVELOPER_WITHOUT_INSTANCE_CONSENT("developer without instance_training consent",
            p -> p.developer() && !p.instanceConsent()),
    DEVELOPER_WHO_CHATS("developer who also chats with the assistant (assistant data, not instance data)",
            p -> p.developer() && p.chats()),
    DEVELOPER_MINOR("developer under 18 (API data judged by the developer's age)",
            p -> p.developer() && p.age() == Age.MINOR),
    DELETES_CONVERSATION("files a deletion request of scope conversation",
            p -> p.deletionScope() == DeletionScope.CONVERSATION),
    DELETES_CALL("files a deletion request of scope call", p -> p.deletionScope() == DeletionScope.CALL),
    DELETES_MEMORY("files a deletion request of scope memory", p -> p.deletionScope() == DeletionScope.MEMORY),
    DELETES_ALL_ASSISTANT_DATA("files a deletion request of scope all_assistant_data",
            p -> p.deletionScope() == DeletionScope.ALL_ASSISTANT_DATA),
    DELETES_ACCOUNT("files a deletion request of scope account", p -> p.deletionScope() == DeletionScope.ACCOUNT);

    private final String description;
    private final Predicate<UserProfile> appliesTo;

    PolicyCase(String description, Predicate<UserProfile> appliesTo) {
        this.description = description;
        this.appliesTo = appliesTo;
    }

    public String description() {
        return description;
    }

    boolean appliesTo(UserProfile profile) {
        return appliesTo.test(profile);
    }
}
