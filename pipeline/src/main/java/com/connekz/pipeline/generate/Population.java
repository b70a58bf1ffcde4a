package com.connekz.pipeline.generate;

import com.connekz.pipeline.generate.Patterns.Account;
import com.connekz.pipeline.generate.Patterns.Age;
import com.connekz.pipeline.generate.Patterns.Calls;
import com.connekz.pipeline.generate.Patterns.Consent;
import com.connekz.pipeline.generate.Patterns.DeletionScope;
import java.time.LocalDate;
import java.util.SplittableRandom;

/**
 * The generated users. A profile is a pure function of the seed and the user's index, recomputed
 * whenever needed, so that no user table is ever held in memory however many users there are.
 */
final class Population {
    private final long seed;
    private final NzFakes fakes;
    private final Timeline timeline;

    Population(long seed, NzFakes fakes, Timeline timeline) {
        this.seed = seed;
        this.fakes = fakes;
        this.timeline = timeline;
    }

    static String userId(int index) {
        String digits = Integer.toString(index);
        return digits.length() >= 6 ? "user-" + digits : "user-" + "000000".substring(digits.length()) + digits;
    }

    UserProfile profile(int index) {
        SplittableRandom random = new SplittableRandom(Ids.mix(seed, index, 0x9E0F11EL));
        boolean showcase = index < PolicyCase.values().length;
        Traits traits = showcase
                ? Traits.designated(PolicyCase.values()[index])
                : Traits.drawn(random);
        String first = fakes.firstName(random);
        String last = fakes.lastName(random);
        return new UserProfile(
                index,
                userId(index),
                first,
                last,
                fakes.email(first, last, random),
                NzPhone.random(random),
                fakes.address(random),
                fakes.region(random),
                new Identifiers(fakes, random.nextLong()),
                dateOfBirth(traits.age, random),
                30 + random.nextInt(900),
                traits.consent,
                traits.age,
                traits.account,
                traits.calls,
                traits.callConsent,
                traits.instances,
                traits.instanceConsent,
                traits.chats,
                traits.deletion,
                showcase);
    }

    private LocalDate dateOfBirth(Age age, SplittableRandom random) {
        LocalDate start = timeline.startDate();
        return switch (age) {
            case ADULT -> start.minusYears(18 + random.nextInt(62)).minusDays(1 + random.nextInt(364));
            case MINOR -> start.minusYears(13 + random.nextInt(4)).minusDays(1 + random.nextInt(300));
            case TURNS_18 -> start.plusDays(timeline.midDay()).minusYears(18);
            case UNKNOWN -> null;
        };
    }

    /** The mutable traits a profile is assembled from. */
    private static final class Traits {
        Consent consent = Consent.GRANTED;
        Age age = Age.ADULT;
        Account account = Account.ACTIVE;
        Calls calls = Calls.NONE;
        boolean callConsent;
        int instances;
        boolean instanceConsent;
        boolean chats = true;
        DeletionScope deletion;

        /** A usable profile changed in exactly the way that shows the case. */
        static Traits designated(PolicyCase policyCase) {
            Traits t = new Traits();
            switch (policyCase) {
                case CONSENTED_ADULT -> { }
                case NO_CONSENT -> t.consent = Consent.NONE;
                case LATE_CONSENT -> t.consent = Consent.LATE;
                case WITHDRAWAL -> t.consent = Consent.WITHDRAWN;
                case REGRANT -> t.consent = Consent.REGRANTED;
                case SAME_INSTANT_GRANT_AND_WITHDRAWAL -> t.consent = Consent.SAME_INSTANT;
                case WRONG_PURPOSE -> t.consent = Consent.WRONG_PURPOSE;
                case MINOR -> t.age = Age.MINOR;
                case TURNS_18_IN_WINDOW -> t.age = Age.TURNS_18;
                case UNKNOWN_AGE -> t.age = Age.UNKNOWN;
                case DELETED_ACCOUNT -> t.account = Account.DELETED;
                case NO_ACCOUNT -> t.account = Account.NONE;
                case CALLS_ALL_PARTIES_NOTIFIED -> t.calls(Calls.NOTIFIED, true);
                case CALLS_NOT_ALL_PARTIES_NOTIFIED -> t.calls(Calls.NOT_NOTIFIED, true);
                case CALLS_WITHOUT_CALL_CONSENT -> t.calls(Calls.NOTIFIED, false);
                case DEVELOPER -> t.developer(1, true, false);
                case DEVELOPER_TWO_INSTANCES -> t.developer(2, true, false);
                case DEVELOPER_WITHOUT_INSTANCE_CONSENT -> t.developer(1, false, false);
                case DEVELOPER_WHO_CHATS -> t.developer(1, true, true);
                case DEVELOPER_MINOR -> {
                    t.developer(1, true, false);
                    t.age = Age.MINOR;
                }
                case DELETES_CONVERSATION -> t.deletion = DeletionScope.CONVERSATION;
                case DELETES_CALL -> {
                    t.calls(Calls.NOTIFIED, true);
                    t.deletion = DeletionScope.CALL;
                }
                case DELETES_MEMORY -> t.deletion = DeletionScope.MEMORY;
                case DELETES_ALL_ASSISTANT_DATA -> {
                    t.calls(Calls.NOTIFIED, true);
                    t.deletion = DeletionScope.ALL_ASSISTANT_DATA;
                }
                case DELETES_ACCOUNT -> t.deletion = DeletionScope.ACCOUNT;
            }
            return t;
        }

        /** Traits in roughly the proportions a real user base shows. */
        static Traits drawn(SplittableRandom random) {
            Traits t = new Traits();
            t.consent = weighted(random, Consent.values(), 68, 12, 5, 5, 3, 2, 5);
            t.age = weighted(random, Age.values(), 88, 4, 1, 7);
            t.account = weighted(random, Account.values(), 95, 3, 2);
            if (random.nextInt(100) < 30) {
                t.calls(weighted(random, new Calls[] {Calls.NOTIFIED, Calls.NOT_NOTIFIED, Calls.MIXED}, 75, 10, 15),
                        random.nextInt(100) < 70);
            }
            if (random.nextInt(100) < 4) {
                t.developer(random.nextInt(4) == 0 ? 2 : 1, random.nextInt(100) < 85, random.nextInt(100) < 40);
            }
            if (random.nextInt(100) < 3) {
                t.deletion = DeletionScope.values()[random.nextInt(DeletionScope.values().length)];
                if (t.deletion == DeletionScope.CALL && t.calls == Calls.NONE) {
                    t.deletion = DeletionScope.CONVERSATION;
                }
                if (!t.chats && t.deletion != DeletionScope.ACCOUNT) {
                    t.deletion = DeletionScope.ACCOUNT;
                }
            }
            return t;
        }

        private void calls(Calls pattern, boolean consent) {
            calls = pattern;
            callConsent = consent;
        }

        private void developer(int count, boolean consent, boolean alsoChats) {
            instances = count;
            instanceConsent = consent;
            chats = alsoChats;
            if (!alsoChats) {
                this.consent = Consent.NONE;
                calls = Calls.NONE;
            }
        }

        private static <T> T weighted(SplittableRandom random, T[] values, int... weights) {
            int total = 0;
            for (int w : weights) {
                total += w;
            }
            int draw = random.nextInt(total);
            for (int i = 0; i < values.length; i++) {
                draw -= weights[i];
                if (draw < 0) {
                    return values[i];
                }
            }
            return values[values.length - 1];
        }
    }
}
