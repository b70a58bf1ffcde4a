package com.connekz.pipeline.redact.bench;

import com.connekz.pipeline.redact.checksum.Luhn;
import com.connekz.pipeline.redact.nz.IrdNumber;
import com.connekz.pipeline.redact.nz.NhiNumber;
import com.connekz.pipeline.redact.nz.NzBankAccount;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import net.datafaker.Faker;

/**
 * Chat messages like an assistant sees them: mostly everyday prose, with a name, phone, email,
 * address or NZ identifier in about one message in three. Seeded, so every run measures the same text.
 */
final class ChatText {
    private static final String[] PROSE = {
        "Can you remind me to pick up the kids from school at 3pm tomorrow?",
        "What's the weather looking like for the weekend? We were thinking of heading to the beach.",
        "Please add milk, eggs, bread and a bag of apples to the shopping list.",
        "I need to book a flight to Christchurch for next Thursday morning, something cheap.",
        "Summarise the email thread about the project kickoff and list the open questions.",
        "How long should I cook a roast chicken for? It's about two kilos.",
        "Set an alarm for six thirty and turn on the heater in the lounge.",
        "Draft a polite reply saying I can't make the meeting but will send notes.",
        "What time does the pharmacy on the corner close today?",
        "Sure, I've added that to your calendar and will remind you an hour before.",
        "Here is a short summary of the article you shared about the housing market.",
        "I was feeling pretty tired today so I skipped the gym, maybe tomorrow instead."};

    private ChatText() {}

    static List<String> messages(int count, long seed) {
        Random random = new Random(seed);
        Faker faker = new Faker(new Locale("en", "NZ"), new Random(seed + 1));
        List<String> messages = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String prose = PROSE[random.nextInt(PROSE.length)];
            String message = switch (random.nextInt(12)) {
                case 0 -> "Hi, my name is " + faker.name().firstName() + " " + faker.name().lastName() + ". " + prose;
                case 1 -> prose + " You can reach me on 021 " + (200 + random.nextInt(700)) + " " + (1000 + random.nextInt(9000)) + ".";
                case 2 -> "Email " + faker.name().firstName().toLowerCase(Locale.ROOT) + "@example.co.nz about it. " + prose;
                case 3 -> "My IRD number is " + IrdNumber.random(random) + ", " + prose;
                case 4 -> "Pay " + NzBankAccount.random(random) + " please. " + prose;
                case 5 -> "Send it to " + faker.address().fullAddress() + ". " + prose;
                case 6 -> "Can you ask " + faker.name().firstName() + " to call me back? " + prose;
                case 7 -> "The NHI is " + NhiNumber.random(random) + " and card " + Luhn.randomCardNumber(random) + ".";
                default -> prose;
            };
            messages.add(message);
        }
        return messages;
    }

    static long utf8Bytes(List<String> messages) {
        return messages.stream().mapToLong(message -> message.getBytes(java.nio.charset.StandardCharsets.UTF_8).length).sum();
    }
}
