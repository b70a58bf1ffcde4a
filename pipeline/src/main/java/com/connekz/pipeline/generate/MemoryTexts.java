package com.connekz.pipeline.generate;

import static com.connekz.pipeline.generate.EntityType.ADDRESS;
import static com.connekz.pipeline.generate.EntityType.DATE_OF_BIRTH;
import static com.connekz.pipeline.generate.EntityType.LOCATION;
import static com.connekz.pipeline.generate.EntityType.NZ_BANK_ACCOUNT;
import static com.connekz.pipeline.generate.EntityType.NZ_IRD;
import static com.connekz.pipeline.generate.EntityType.NZ_NHI;
import static com.connekz.pipeline.generate.EntityType.PERSON;
import static com.connekz.pipeline.generate.EntityType.PHONE_NUMBER;

import java.util.SplittableRandom;

/** The notes the assistant keeps about a user: preferences, people, and now and then an identifier. */
final class MemoryTexts {
    private static final String[] PREFERENCES = {
            "Prefers to be greeted in te reo Māori.",
            "Vegetarian; avoids mushrooms.",
            "Supports the Crusaders and the Silver Ferns 🏉",
            "Likes short answers with bullet points.",
            "Works night shifts on weekdays; don't schedule reminders before 11am.",
            "Is learning to surf ☀️",
    };

    private final NzFakes fakes;

    MemoryTexts(NzFakes fakes) {
        this.fakes = fakes;
    }

    LabelledText next(UserProfile user, SplittableRandom random) {
        return switch (random.nextInt(8)) {
            case 0, 1 -> new LabelledText().plain(PREFERENCES[random.nextInt(PREFERENCES.length)]);
            case 2 -> new LabelledText().planted(PERSON, user.firstName()).plain(" lives at ")
                    .planted(ADDRESS, user.address()).plain(".");
            case 3 -> {
                String sister = fakes.firstName(random);
                yield new LabelledText().plain("User's sister is ").planted(PERSON, sister)
                        .plain(", mobile ").planted(PHONE_NUMBER, NzPhone.random(random).written(random)).plain(".");
            }
            case 4 -> new LabelledText().plain("User's IRD number: ").planted(NZ_IRD, user.ird())
                    .plain("; refunds go to ").planted(NZ_BANK_ACCOUNT, user.bankAccount()).plain(".");
            case 5 -> user.dateOfBirth() == null
                    ? new LabelledText().plain("Birthday unknown; asked not to be reminded.")
                    : new LabelledText().plain("Birthday: ").planted(DATE_OF_BIRTH, NzFakes.date(user.dateOfBirth(), random))
                            .plain(" 🎂");
            case 6 -> new LabelledText().plain("GP is Dr ").planted(PERSON, fakes.lastName(random))
                    .plain(" at ").planted(LOCATION, fakes.place(random)).plain(" Medical Centre; NHI ")
                    .planted(NZ_NHI, user.nhi()).plain(".");
            default -> new LabelledText().plain("Kids: ").planted(PERSON, fakes.firstName(random))
                    .plain(" and ").planted(PERSON, fakes.firstName(random)).plain(", both at kura in ")
                    .planted(LOCATION, fakes.place(random)).plain(".");
        };
    }
}
