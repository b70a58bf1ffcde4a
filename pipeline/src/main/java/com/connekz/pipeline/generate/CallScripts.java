package com.connekz.pipeline.generate;

import static com.connekz.pipeline.generate.EntityType.ADDRESS;
import static com.connekz.pipeline.generate.EntityType.DATE_OF_BIRTH;
import static com.connekz.pipeline.generate.EntityType.NZ_NHI;
import static com.connekz.pipeline.generate.EntityType.PERSON;
import static com.connekz.pipeline.generate.EntityType.PHONE_NUMBER;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Call transcripts as speech recognition delivers them: lower-key punctuation, numbers and dates
 * spelled out in words, and the other party (who never consented) speaking too.
 */
final class CallScripts {

    /** One turn of speech. */
    record Turn(String speaker, LabelledText text) {}

    /** A whole call: who placed it, its turns, and the assistant's summary. */
    record Script(String direction, List<Turn> turns, LabelledText summary) {}

    private static final String[] CLINICS = {"Harbourside Dental", "Te Awa Medical Centre", "Kōwhai Physio", "Southern Cross Vets"};
    private static final String[] TRADES = {"Kōwhai Plumbing", "Mainland Electrical", "Tūī Building", "Coastal Roofing"};

    private final NzFakes fakes;

    CallScripts(NzFakes fakes) {
        this.fakes = fakes;
    }

    Script next(UserProfile user, SplittableRandom random) {
        return switch (random.nextInt(3)) {
            case 0 -> bookingOnBehalf(user, random);
            case 1 -> tradieVisit(user, random);
            default -> testResults(user, random);
        };
    }

    private Script bookingOnBehalf(UserProfile user, SplittableRandom random) {
        String clinic = CLINICS[random.nextInt(CLINICS.length)];
        String receptionist = fakes.firstName(random);
        List<Turn> turns = new ArrayList<>(8);
        turns.add(new Turn("callee", new LabelledText().plain("kia ora " + clinic + " ").planted(PERSON, receptionist)
                .plain(" speaking")));
        turns.add(new Turn("assistant", new LabelledText().plain("kia ora I'm calling on behalf of ")
                .planted(PERSON, user.fullName()).plain(" to book a check-up")));
        turns.add(new Turn("callee", new LabelledText().plain("no worries can I get a contact number for them")));
        turns.add(new Turn("assistant", new LabelledText().plain("yes it's ")
                .planted(PHONE_NUMBER, user.phone().spoken(random))));
        if (user.dateOfBirth() != null) {
            turns.add(new Turn("callee", new LabelledText().plain("and their date of birth")));
            turns.add(new Turn("assistant", new LabelledText()
                    .planted(DATE_OF_BIRTH, SpokenDates.spoken(user.dateOfBirth()))));
        }
        turns.add(new Turn("callee", new LabelledText().plain("lovely we've got Thursday at ten fifteen does that work")));
        turns.add(new Turn("assistant", new LabelledText().plain("that's great thank you ka kite")));
        LabelledText summary = new LabelledText().plain("Booked a check-up at " + clinic + " for ")
                .planted(PERSON, user.fullName()).plain(" on Thursday 10:15.");
        return new Script("outbound", turns, summary);
    }

    private Script tradieVisit(UserProfile user, SplittableRandom random) {
        String trade = TRADES[random.nextInt(TRADES.length)];
        String tradie = fakes.firstName(random);
        List<Turn> turns = new ArrayList<>(8);
        turns.add(new Turn("other", new LabelledText().plain("hi it's ").planted(PERSON, tradie)
                .plain(" from " + trade + " is that ").planted(PERSON, user.firstName())));
        turns.add(new Turn("user", new LabelledText().plain("yeah speaking")));
        turns.add(new Turn("other", new LabelledText().plain("we're booked to come out to you is it ")
                .planted(ADDRESS, user.address())));
        turns.add(new Turn("user", new LabelledText().plain("that's the one the gate code's four four one nine")));
        turns.add(new Turn("other", new LabelledText().plain("sweet as best number to text when we're on the way")));
        turns.add(new Turn("user", new LabelledText().planted(PHONE_NUMBER, user.phone().spoken(random))));
        turns.add(new Turn("other", new LabelledText().plain("cheers see you Tuesday")));
        LabelledText summary = new LabelledText().plain(trade + " (").planted(PERSON, tradie)
                .plain(") confirmed a Tuesday visit to ").planted(ADDRESS, user.address()).plain(".");
        return new Script("inbound", turns, summary);
    }

    private Script testResults(UserProfile user, SplittableRandom random) {
        String nurse = fakes.firstName(random);
        List<Turn> turns = new ArrayList<>(8);
        turns.add(new Turn("other", new LabelledText().plain("Te Awa Medical Centre this is ").planted(PERSON, nurse)));
        turns.add(new Turn("user", new LabelledText().plain("hi it's ").planted(PERSON, user.fullName())
                .plain(" my NHI is ").planted(NZ_NHI, user.nhi()).plain(" I'm calling about my blood test results")));
        turns.add(new Turn("other", new LabelledText().plain("thanks can you confirm your date of birth for me")));
        turns.add(new Turn("user", user.dateOfBirth() == null
                ? new LabelledText().plain("um I'd rather not say over the phone")
                : new LabelledText().planted(DATE_OF_BIRTH, SpokenDates.spoken(user.dateOfBirth()))));
        turns.add(new Turn("other", new LabelledText().plain("thank you the results are all normal the doctor will send you a note")));
        turns.add(new Turn("user", new LabelledText().plain("oh choice thanks heaps")));
        LabelledText summary = new LabelledText().plain("Blood test results for ").planted(PERSON, user.fullName())
                .plain(" are normal; a note will follow.");
        return new Script("outbound", turns, summary);
    }
}
