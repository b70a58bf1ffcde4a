package com.connekz.pipeline.generate;

import com.connekz.pipeline.generate.Patterns.Consent;
import com.connekz.pipeline.ingest.Source;

/**
 * Writes a user's consent events on the day they land. Events effective before the window land on
 * its first day, as a backfill would.
 */
final class ConsentEvents {
    private static final String MODEL = "model_training";
    private static final String CALL = "call_training";
    private static final String INSTANCE = "instance_training";
    private static final String[] POLICY_VERSIONS = {"2025-07", "2026-09"};
    private static final String[] CHANNELS = {"web_settings", "mobile_onboarding", "support_ticket"};

    private final long seed;
    private final Timeline timeline;
    private final LandingSink sink;
    private final JsonLine line;

    ConsentEvents(long seed, Timeline timeline, LandingSink sink, JsonLine line) {
        this.seed = seed;
        this.timeline = timeline;
        this.sink = sink;
        this.line = line;
    }

    /** The moment the account was opened; consent given at sign-up follows it by minutes. */
    long signUp(UserProfile user) {
        return timeline.daysBefore(user.accountAgeDays(), 9 * 3_600_000L + user.index() % 600 * 60_000L);
    }

    void writeDay(UserProfile user, int day) {
        long signUpGrant = signUp(user) + 5 * 60_000L;
        int last = timeline.lastDay();
        int mid = timeline.midDay();
        if (user.chats() || user.makesCalls()) {
            switch (user.consent()) {
                case GRANTED -> onDay(user, day, 0, 0, MODEL, true, signUpGrant);
                case NONE -> { }
                case LATE -> onDay(user, day, mid, 0, MODEL, true, timeline.at(mid, 12, 0));
                case WITHDRAWN -> {
                    onDay(user, day, 0, 0, MODEL, true, signUpGrant);
                    onDay(user, day, mid, 1, MODEL, false, timeline.at(mid, 13, 0));
                }
                case REGRANTED -> {
                    onDay(user, day, 0, 0, MODEL, true, signUpGrant);
                    onDay(user, day, 0, 1, MODEL, false, timeline.at(0, 20, 0));
                    onDay(user, day, last, 2, MODEL, true, last == 0 ? timeline.at(0, 22, 0) : timeline.at(last, 8, 0));
                }
                case SAME_INSTANT -> {
                    long instant = timeline.at(0, 10, 30);
                    onDay(user, day, 0, 0, MODEL, true, instant);
                    onDay(user, day, 0, 1, MODEL, false, instant);
                }
                case WRONG_PURPOSE -> {
                    onDay(user, day, 0, 3, CALL, true, signUpGrant);
                    onDay(user, day, 0, 4, INSTANCE, true, signUpGrant);
                }
            }
        }
        if (user.callConsent() && user.consent() != Consent.WRONG_PURPOSE) {
            onDay(user, day, 0, 5, CALL, true, signUpGrant + 60_000L);
        }
        if (user.developer() && user.instanceConsent()) {
            onDay(user, day, 0, 6, INSTANCE, true, signUpGrant + 120_000L);
        }
    }

    private void onDay(UserProfile user, int today, int landsOn, int event, String purpose, boolean granted, long effectiveAt) {
        if (today != landsOn) {
            return;
        }
        long pick = Ids.mix(seed, user.index(), event);
        line.begin()
                .string("event_id", Ids.of("evt", seed, user.index(), event))
                .string("user_id", user.userId())
                .string("purpose", purpose)
                .bool("granted", granted)
                .string("effective_at", timeline.utc(effectiveAt))
                .string("policy_version", POLICY_VERSIONS[(int) Math.floorMod(pick, 2L)])
                .string("source", CHANNELS[(int) Math.floorMod(pick >>> 8, 3L)]);
        sink.emit(Source.CONSENT, line);
    }
}
