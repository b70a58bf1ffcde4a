package com.connekz.pipeline.generate;

import static com.connekz.pipeline.generate.EntityType.ADDRESS;
import static com.connekz.pipeline.generate.EntityType.LOCATION;
import static com.connekz.pipeline.generate.EntityType.NZ_IRD;
import static com.connekz.pipeline.generate.EntityType.PERSON;

import com.connekz.pipeline.generate.Patterns.Account;
import com.connekz.pipeline.generate.Patterns.DeletionScope;
import com.connekz.pipeline.ingest.Source;
import java.util.SplittableRandom;

/**
 * Writes everything one user does on one day: account rows, consent events, conversations, memories,
 * calls, instance API traffic and deletion requests. Its random stream depends only on the seed, the
 * user and the day, so every user-day comes out the same whatever else is generated around it.
 */
final class UserDay {
    private static final String[] CHANNELS = {"web", "web", "mobile", "mobile", "mobile", "voice"};
    private static final String[] MODELS = {"connekz-lite-2", "connekz-pro-2"};

    private final long seed;
    private final Timeline timeline;
    private final LandingSink sink;
    private final CaseRecorder cases;
    private final NzFakes fakes;
    private final JsonLine line = new JsonLine();
    private final ConsentEvents consent;
    private final ChatExchanges exchanges;
    private final MemoryTexts memories;
    private final CallScripts calls;
    private final InstanceRequests requests;

    UserDay(long seed, Timeline timeline, LandingSink sink, CaseRecorder cases, NzFakes fakes) {
        this.seed = seed;
        this.timeline = timeline;
        this.sink = sink;
        this.cases = cases;
        this.fakes = fakes;
        this.consent = new ConsentEvents(seed, timeline, sink, line);
        this.exchanges = new ChatExchanges(fakes);
        this.memories = new MemoryTexts(fakes);
        this.calls = new CallScripts(fakes);
        this.requests = new InstanceRequests(fakes);
    }

    void write(UserProfile user, int day) {
        SplittableRandom random = new SplittableRandom(Ids.mix(seed, user.index(), day, 0xDA7L));
        if (day == 0) {
            cases.user(user);
        }
        writeAccount(user, day);
        consent.writeDay(user, day);
        if (user.deletionScope() != null && day == timeline.lastDay()) {
            writeDeletion(user, random);
            if (day > 0) {
                // Nothing new after the request, so that what it names is unambiguous.
                return;
            }
        }
        if (user.account() == Account.DELETED && day > timeline.midDay()) {
            return;
        }
        // The day's activity starts some time between 7am and 8pm and moves forward from there.
        long now = timeline.at(day, 7, 0) + random.nextLong(13 * 3_600_000L);
        if (user.chats()) {
            now = writeConversations(user, day, now, random);
            now = writeMemories(user, day, now, random);
        }
        if (user.makesCalls()) {
            now = writeCalls(user, day, now, random);
        }
        for (int instance = 0; instance < user.instances(); instance++) {
            now = writeApiTraffic(user, day, instance, now, random);
        }
    }

    private void writeAccount(UserProfile user, int day) {
        if (user.account() == Account.NONE) {
            return;
        }
        boolean deletedToday = user.account() == Account.DELETED && day == timeline.midDay();
        if (day == 0) {
            accountRow(user, false);
        }
        if (deletedToday) {
            accountRow(user, true);
        }
    }

    private void accountRow(UserProfile user, boolean deleted) {
        line.begin()
                .string("user_id", user.userId())
                .string("created_at", timeline.utc(consent.signUp(user)));
        if (user.dateOfBirth() != null) {
            line.string("date_of_birth", user.dateOfBirth().toString());
        }
        line.string("region", user.region());
        if (deleted) {
            line.string("deleted_at", timeline.utc(timeline.at(timeline.midDay(), 23, 30)));
        }
        sink.emit(Source.ACCOUNTS, line);
    }

    private long writeConversations(UserProfile user, int day, long now, SplittableRandom random) {
        int count = conversationsToday(random);
        if (user.showcase() || (day == 0 && user.deletionScope() == DeletionScope.CONVERSATION)) {
            count = Math.max(count, 1);
        }
        for (int conversation = 0; conversation < count; conversation++) {
            String conversationId = Ids.of("conv", seed, user.index(), day, conversation);
            String channel = CHANNELS[random.nextInt(CHANNELS.length)];
            int message = 0;
            if (random.nextInt(10) == 0) {
                LabelledText context = new LabelledText().plain("Context for the assistant: the user is ")
                        .planted(PERSON, user.fullName()).plain(" from ").planted(LOCATION, fakes.place(random))
                        .plain(". Reply in New Zealand English.");
                now = message(user, conversationId, conversation, message++, day, "system", context, null, channel, now, random);
            }
            int turns = 1 + random.nextInt(4);
            for (int turn = 0; turn < turns; turn++) {
                ChatExchanges.Exchange exchange = exchanges.next(user, random);
                LabelledText attachment = random.nextInt(25) == 0 ? attachment(user, random) : null;
                now = message(user, conversationId, conversation, message++, day, "user", exchange.user(), attachment, channel, now, random);
                now = message(user, conversationId, conversation, message++, day, "assistant", exchange.assistant(), null, channel, now, random);
            }
            now += 600_000L + random.nextLong(3 * 3_600_000L);
        }
        return now;
    }

    private static int conversationsToday(SplittableRandom random) {
        int draw = random.nextInt(100);
        return draw < 25 ? 0 : draw < 65 ? 1 : draw < 90 ? 2 : 3;
    }

    private LabelledText attachment(UserProfile user, SplittableRandom random) {
        return new LabelledText().plain("[scanned letter] Dear ").planted(PERSON, user.fullName())
                .plain(", ").planted(ADDRESS, user.address())
                .plain(". Your income tax assessment for IRD number ").planted(NZ_IRD, user.ird())
                .plain(" is enclosed.");
    }

    private long message(UserProfile user, String conversationId, int conversation, int message, int day, String role,
                         LabelledText text, LabelledText attachment, String channel, long now, SplittableRandom random) {
        long at = now + 2_000L + random.nextLong(role.equals("user") ? 90_000L : 8_000L);
        line.begin()
                .string("message_id", Ids.of("msg", seed, user.index(), day, conversation, message))
                .string("conversation_id", conversationId)
                .string("user_id", user.userId())
                .string("role", role)
                .text("text", text)
                .string("created_at", timeline.local(at))
                .string("channel", channel);
        if (attachment != null) {
            line.text("attachments_text", attachment);
        }
        sink.emit(Source.CHATS, line);
        return at;
    }

    private long writeMemories(UserProfile user, int day, long now, SplittableRandom random) {
        boolean forced = day == 0 && user.deletionScope() == DeletionScope.MEMORY;
        if (!forced && random.nextInt(100) >= 30) {
            return now;
        }
        long at = now + 1_000L + random.nextLong(60_000L);
        line.begin()
                .string("memory_id", Ids.of("mem", seed, user.index(), day, 0))
                .string("user_id", user.userId())
                .text("text", memories.next(user, random))
                .string("created_at", timeline.local(at));
        if (random.nextInt(4) == 0) {
            line.string("updated_at", timeline.local(at + random.nextLong(3_600_000L)));
        }
        sink.emit(Source.MEMORIES, line);
        return at;
    }

    private long writeCalls(UserProfile user, int day, long now, SplittableRandom random) {
        // Every caller calls on the first day; a not-notifying caller twice, once saying false and
        // once leaving the flag out, so that both forms are always there.
        int count = day > 0 ? random.nextInt(2) : user.calls() == Patterns.Calls.NOT_NOTIFIED ? 2 : 1;
        for (int call = 0; call < count; call++) {
            String callId = Ids.of("call", seed, user.index(), day, call);
            long startedAt = now + 60_000L + random.nextLong(3_600_000L);
            CallScripts.Script script = calls.next(user, random);
            line.begin()
                    .string("call_id", callId)
                    .string("user_id", user.userId())
                    .string("started_at", timeline.local(startedAt))
                    .startArray("segments");
            long offset = 0;
            for (int segment = 0; segment < script.turns().size(); segment++) {
                CallScripts.Turn turn = script.turns().get(segment);
                long end = offset + 1_200L + random.nextLong(6_000L);
                line.startObject(null)
                        .string("speaker", turn.speaker())
                        .number("start_ms", offset)
                        .number("end_ms", end)
                        .text("text", turn.text(), "segments[" + segment + "].text")
                        .endObject();
                offset = end + random.nextLong(800L);
            }
            line.endArray()
                    .string("ended_at", timeline.local(startedAt + offset))
                    .string("direction", script.direction())
                    .text("summary", script.summary())
                    .string("recording_uri", "s3://connekz-recordings/calls/" + callId + ".opus");
            Boolean notified = allPartiesNotified(user, day, call, random);
            if (notified != null) {
                line.bool("all_parties_notified", notified);
            }
            sink.emit(Source.CALLS, line);
            cases.call(callId, notified);
            now = startedAt + offset;
        }
        return now;
    }

    /** What the call says about notifying the other party; null means the flag is left out. */
    private static Boolean allPartiesNotified(UserProfile user, int day, int call, SplittableRandom random) {
        return switch (user.calls()) {
            case NOTIFIED -> true;
            case NOT_NOTIFIED -> (day + call) % 2 == 0 ? Boolean.FALSE : null;
            case MIXED -> {
                int draw = random.nextInt(100);
                yield draw < 85 ? Boolean.TRUE : draw < 95 ? Boolean.FALSE : null;
            }
            case NONE -> throw new IllegalStateException("a user without calls made a call");
        };
    }

    private long writeApiTraffic(UserProfile user, int day, int instance, long now, SplittableRandom random) {
        String instanceId = Ids.of("inst", seed, user.index(), instance);
        InstanceRequests.Business business = InstanceRequests.businessOf(seed, user.index(), instance);
        if (day == 0) {
            cases.instance(instanceId, user, business);
        }
        String apiKeyId = Ids.of("key", seed, user.index(), instance);
        String model = MODELS[instance % MODELS.length];
        int count = 3 + random.nextInt(10);
        long at = timeline.at(day, 8, 0) + random.nextLong(3_600_000L);
        for (int request = 0; request < count; request++) {
            at += random.nextLong(50 * 60_000L);
            InstanceRequests.Request exchange = requests.next(business, random);
            line.begin()
                    .string("request_id", Ids.of("req", seed, user.index(), day, instance, request))
                    .string("instance_id", instanceId)
                    .string("developer_id", user.userId())
                    .text("prompt", exchange.prompt())
                    .text("output", exchange.output())
                    .string("created_at", timeline.local(at))
                    .string("model", model)
                    .string("api_key_id", apiKeyId)
                    .startObject("usage")
                    .number("input_tokens", 40 + random.nextInt(400))
                    .number("output_tokens", 20 + random.nextInt(300))
                    .endObject();
            sink.emit(Source.API, line);
        }
        return Math.max(now, at);
    }

    private void writeDeletion(UserProfile user, SplittableRandom random) {
        DeletionScope scope = user.deletionScope();
        String targetId = switch (scope) {
            case CONVERSATION -> Ids.of("conv", seed, user.index(), 0, 0);
            case CALL -> Ids.of("call", seed, user.index(), 0, 0);
            case MEMORY -> Ids.of("mem", seed, user.index(), 0, 0);
            case ALL_ASSISTANT_DATA, ACCOUNT -> null;
        };
        String requestId = Ids.of("del", seed, user.index());
        line.begin()
                .string("request_id", requestId)
                .string("user_id", user.userId())
                .string("scope", scope.json)
                .string("requested_at", timeline.utc(timeline.at(timeline.lastDay(), 23, random.nextInt(50))));
        if (targetId != null) {
            line.string("target_id", targetId);
        }
        sink.emit(Source.DELETIONS, line);
        cases.deletion(scope, requestId, user.userId(), targetId);
    }
}
