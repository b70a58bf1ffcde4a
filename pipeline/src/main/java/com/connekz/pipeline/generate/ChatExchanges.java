package com.connekz.pipeline.generate;

import static com.connekz.pipeline.generate.EntityType.ADDRESS;
import static com.connekz.pipeline.generate.EntityType.CREDIT_CARD;
import static com.connekz.pipeline.generate.EntityType.DATE_OF_BIRTH;
import static com.connekz.pipeline.generate.EntityType.EMAIL_ADDRESS;
import static com.connekz.pipeline.generate.EntityType.LOCATION;
import static com.connekz.pipeline.generate.EntityType.NZ_BANK_ACCOUNT;
import static com.connekz.pipeline.generate.EntityType.NZ_IRD;
import static com.connekz.pipeline.generate.EntityType.NZ_NHI;
import static com.connekz.pipeline.generate.EntityType.PERSON;
import static com.connekz.pipeline.generate.EntityType.PHONE_NUMBER;

import java.util.SplittableRandom;

/**
 * One user message and the assistant's reply, in the mix real assistant traffic shows: small talk
 * and errands without personal data, and errands that carry it (the user's own, or other people's).
 */
final class ChatExchanges {

    record Exchange(LabelledText user, LabelledText assistant) {}

    private static final String[][] SMALL_TALK = {
            {"What's a good pavlova recipe for 8 people? 🥝", "For 8 people: 6 egg whites, 1½ cups caster sugar, 1 tsp vinegar, 1 tsp cornflour and vanilla. Bake at 120°C for about 90 minutes, then let it cool in the oven."},
            {"How do I say thank you in te reo Māori?", "You can say \"Kia ora\" or \"Ngā mihi\" — and \"Ngā mihi nui\" for a big thank you."},
            {"Help me write a cover letter for a barista job ☕", "Sure! Here's a draft that leads with your customer service and latte art, and keeps to one page."},
            {"Explain the difference between KiwiSaver and a term deposit", "KiwiSaver is a long-term retirement savings scheme with employer and government contributions; a term deposit locks money away for a fixed term at a fixed rate."},
            {"What should I pack for a tramp over Easter?", "Layers (merino, fleece, rain jacket), a warm hat, a first-aid kit, a PLB, enough food for an extra day, and check the DOC hut bookings."},
            {"Can you summarise the rules of netball in three sentences?", "Two teams of seven pass the ball without running with it. Each player may only go in certain areas of the court. Only the goal shoot and goal attack can score."},
            {"Give me a 20-minute dinner idea with kūmara", "Roast cubed kūmara with cumin, toss with chickpeas, spinach and feta, and finish with a yoghurt-lemon dressing."},
            {"What does 'whānau' mean exactly?", "Whānau means extended family — it can also include close friends and the wider community you belong to."},
            {"Write a haiku about a rainy Monday 🌧️", "Grey rain on the roof / the jug clicks on, toast is burnt / Monday, kia kaha"},
            {"thanks heaps!", "Anytime — ka kite anō! 😊"},
    };

    private final NzFakes fakes;

    ChatExchanges(NzFakes fakes) {
        this.fakes = fakes;
    }

    Exchange next(UserProfile user, SplittableRandom random) {
        if (random.nextInt(100) < 45) {
            String[] pair = SMALL_TALK[random.nextInt(SMALL_TALK.length)];
            return new Exchange(new LabelledText().plain(pair[0]), new LabelledText().plain(pair[1]));
        }
        return switch (random.nextInt(15)) {
            case 0 -> remindToCall(random);
            case 1 -> newAddress(user, random);
            case 2 -> taxReturn(user, random);
            case 3 -> koha(random);
            case 4 -> doctorsBooking(user, random);
            case 5 -> emailDraft(user, random);
            case 6 -> declinedCard(user, random);
            case 7 -> passportForm(user, random);
            case 8 -> introduction(user, random);
            case 9 -> spokenReminder(random);
            case 10 -> landlord(user, random);
            case 11 -> kiwiSaver(user, random);
            case 12 -> schoolEnrolment(random);
            case 13 -> tradeMePickup(user, random);
            default -> workEmail(random);
        };
    }

    private static final String[] OPENERS = {"", "Kia ora! ", "Mōrena, ", "Hey, ", "hi ", "Quick one: ", "Gidday — "};

    private static String opener(SplittableRandom random) {
        return OPENERS[random.nextInt(OPENERS.length)];
    }

    private Exchange landlord(UserProfile user, SplittableRandom random) {
        String landlord = fakes.firstName(random) + " " + fakes.lastName(random);
        return new Exchange(
                new LabelledText().plain(opener(random) + "can you write a message to my landlord ")
                        .planted(PERSON, landlord).plain(" about the leak in the bathroom at ")
                        .planted(ADDRESS, user.address()).plain("? It's been 3 weeks 😩"),
                new LabelledText().plain("Here's a firm but polite draft:\n\nKia ora ").planted(PERSON, landlord)
                        .plain(", the bathroom at ").planted(ADDRESS, user.address())
                        .plain(" has been leaking for three weeks. Under the Residential Tenancies Act repairs "
                                + "need to be made within a reasonable time — could you arrange a plumber this week?"));
    }

    private Exchange kiwiSaver(UserProfile user, SplittableRandom random) {
        return new Exchange(
                new LabelledText().plain(opener(random) + "my KiwiSaver provider wants my IRD number (")
                        .planted(NZ_IRD, user.ird()).plain(") and the account for contributions, which is ")
                        .planted(NZ_BANK_ACCOUNT, user.bankAccount()).plain(". Is it safe to email them?"),
                new LabelledText().plain("It's safer to enter those through the provider's secure online form or "
                        + "app rather than plain email. Most providers also accept them over the phone."));
    }

    private Exchange schoolEnrolment(SplittableRandom random) {
        String child = fakes.firstName(random) + " " + fakes.lastName(random);
        String born = NzFakes.date(java.time.LocalDate.of(2014 + random.nextInt(8), 1 + random.nextInt(12),
                1 + random.nextInt(28)), random);
        String school = fakes.place(random);
        return new Exchange(
                new LabelledText().plain("I need to enrol ").planted(PERSON, child).plain(" (born ")
                        .planted(DATE_OF_BIRTH, born).plain(") at ").planted(LOCATION, school)
                        .plain(" School for term 1. What documents do they want?"),
                new LabelledText().plain("Schools usually ask for a birth certificate or passport, proof of "
                        + "address for the school zone, and immunisation records. Give the office a ring to check."));
    }

    private Exchange tradeMePickup(UserProfile user, SplittableRandom random) {
        String phone = user.phone().written(random);
        String area = fakes.place(random);
        return new Exchange(
                new LabelledText().plain("write a Trade Me listing for my old couch, pick up only from ")
                        .planted(LOCATION, area).plain(", txt ").planted(PHONE_NUMBER, phone).plain(" thx"),
                new LabelledText().plain("Comfy 3-seater couch, well loved but plenty of life left 🛋️ Pick up only, ")
                        .planted(LOCATION, area).plain(". Flick a text to ").planted(PHONE_NUMBER, phone)
                        .plain(" to arrange."));
    }

    private Exchange workEmail(SplittableRandom random) {
        String first = fakes.firstName(random);
        String last = fakes.lastName(random);
        String email = fakes.email(first, last, random);
        return new Exchange(
                new LabelledText().plain(opener(random) + "is ").planted(EMAIL_ADDRESS, email)
                        .plain(" the right address for ").planted(PERSON, first + " " + last)
                        .plain(" from the netball club?"),
                new LabelledText().plain("I can't check other people's addresses, but ")
                        .planted(EMAIL_ADDRESS, email).plain(" is the one ").planted(PERSON, first)
                        .plain(" used in your last email thread."));
    }

    private String otherPerson(SplittableRandom random) {
        return random.nextBoolean() ? fakes.firstName(random) : fakes.firstName(random) + " " + fakes.lastName(random);
    }

    private Exchange remindToCall(SplittableRandom random) {
        String person = otherPerson(random);
        String phone = NzPhone.random(random).written(random);
        return new Exchange(
                new LabelledText().plain(opener(random) + "can you remind me to call ").planted(PERSON, person)
                        .plain(" on ").planted(PHONE_NUMBER, phone).plain(" tomorrow morning?"),
                new LabelledText().plain("Sure! I'll remind you at 9am tomorrow to call ").planted(PERSON, person)
                        .plain(" on ").planted(PHONE_NUMBER, phone).plain("."));
    }

    private Exchange newAddress(UserProfile user, SplittableRandom random) {
        String address = random.nextBoolean() ? user.address() : fakes.address(random);
        return new Exchange(
                new LabelledText().plain("We've moved 🏡 our new address is ").planted(ADDRESS, address)
                        .plain(" — can you update my delivery details?"),
                new LabelledText().plain("Done. Deliveries will now go to ").planted(ADDRESS, address).plain("."));
    }

    private Exchange taxReturn(UserProfile user, SplittableRandom random) {
        return new Exchange(
                new LabelledText().plain("Kia ora, my IRD number is ").planted(NZ_IRD, user.ird())
                        .plain(". What do I need for my tax return this year?"),
                new LabelledText().plain("For an individual tax return you'll need your income summary, any "
                        + "donation receipts and your bank account for the refund. Best not to share your IRD "
                        + "number in chat — I'll keep it out of my notes."));
    }

    private Exchange koha(SplittableRandom random) {
        String person = otherPerson(random);
        String account = fakes.bankAccount(random);
        int amount = 20 + 10 * random.nextInt(30);
        return new Exchange(
                new LabelledText().plain("Send $" + amount + " koha to ").planted(PERSON, person)
                        .plain(", account ").planted(NZ_BANK_ACCOUNT, account).plain(", reference tangihanga 🙏"),
                new LabelledText().plain("I can't make payments myself, but here's what to enter in your banking app: pay $"
                        + amount + " to ").planted(PERSON, person).plain(", account ")
                        .planted(NZ_BANK_ACCOUNT, account).plain(", reference \"tangihanga\"."));
    }

    private Exchange doctorsBooking(UserProfile user, SplittableRandom random) {
        String child = fakes.firstName(random);
        String place = fakes.place(random);
        String nhi = fakes.nhi(random);
        return new Exchange(
                new LabelledText().plain("Please book my son ").planted(PERSON, child)
                        .plain(" in at the medical centre in ").planted(LOCATION, place)
                        .plain(", his NHI is ").planted(NZ_NHI, nhi).plain(". He's had a cough for a week 😷"),
                new LabelledText().plain("I've drafted a booking request for ").planted(PERSON, child)
                        .plain(" at the medical centre in ").planted(LOCATION, place)
                        .plain(". Shall I send it from your email?"));
    }

    private Exchange emailDraft(UserProfile user, SplittableRandom random) {
        String first = fakes.firstName(random);
        String email = fakes.email(first, fakes.lastName(random), random);
        return new Exchange(
                new LabelledText().plain("Email ").planted(EMAIL_ADDRESS, email)
                        .plain(" and ask whether the whānau hui is still on Saturday"),
                new LabelledText().plain("Here's a draft to ").planted(EMAIL_ADDRESS, email)
                        .plain(":\n\nKia ora ").planted(PERSON, first)
                        .plain(", just checking the hui is still on for Saturday? Ngā mihi, ")
                        .planted(PERSON, user.firstName()));
    }

    private Exchange declinedCard(UserProfile user, SplittableRandom random) {
        return new Exchange(
                new LabelledText().plain("My card ").planted(CREDIT_CARD, user.card())
                        .plain(" got declined at the dairy 😤 why would that happen?"),
                new LabelledText().plain("Common reasons are insufficient funds, an expired card or a fraud hold. "
                        + "Please don't share full card numbers here — call the number on the back of the card."));
    }

    private Exchange passportForm(UserProfile user, SplittableRandom random) {
        if (user.dateOfBirth() == null) {
            return introduction(user, random);
        }
        String born = NzFakes.date(user.dateOfBirth(), random);
        String place = fakes.place(random);
        return new Exchange(
                new LabelledText().plain("I'm renewing my passport. Date of birth ").planted(DATE_OF_BIRTH, born)
                        .plain(", born in ").planted(LOCATION, place).plain(" — what else do I need?"),
                new LabelledText().plain("You'll need your current passport, a digital photo and a referee who "
                        + "has known you for at least a year. Renewals are done online at passports.govt.nz."));
    }

    private Exchange introduction(UserProfile user, SplittableRandom random) {
        String phone = user.phone().written(random);
        return new Exchange(
                new LabelledText().plain("Hi, I'm ").planted(PERSON, user.fullName())
                        .plain(" 👋 you can reach me on ").planted(PHONE_NUMBER, phone)
                        .plain(" or ").planted(EMAIL_ADDRESS, user.email()),
                new LabelledText().plain("Ka pai, ").planted(PERSON, user.firstName())
                        .plain("! I've saved ").planted(PHONE_NUMBER, phone).plain(" and ")
                        .planted(EMAIL_ADDRESS, user.email()).plain(" as your contact details."));
    }

    /** A voice-channel message, transcribed with the number spelled out as speech recognition does. */
    private Exchange spokenReminder(SplittableRandom random) {
        String person = fakes.firstName(random);
        NzPhone phone = NzPhone.random(random);
        return new Exchange(
                new LabelledText().plain("remind me to text ").planted(PERSON, person)
                        .plain(" on ").planted(PHONE_NUMBER, phone.spoken(random)).plain(" about the rugby tickets"),
                new LabelledText().plain("Reminder set: text ").planted(PERSON, person).plain(" on ")
                        .planted(PHONE_NUMBER, phone.written(random)).plain(" about the rugby tickets."));
    }
}
