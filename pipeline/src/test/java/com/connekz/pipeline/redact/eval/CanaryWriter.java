package com.connekz.pipeline.redact.eval;

import com.connekz.pipeline.redact.EntityTypes;
import com.connekz.pipeline.redact.checksum.Iban;
import com.connekz.pipeline.redact.checksum.Luhn;
import com.connekz.pipeline.redact.nz.IrdNumber;
import com.connekz.pipeline.redact.nz.NhiNumber;
import com.connekz.pipeline.redact.nz.NzBankAccount;
import com.connekz.pipeline.redact.nz.Nzbn;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.function.Consumer;
import net.datafaker.Faker;

/**
 * Writes the labelled New Zealand canary set: chat-like lines planting names (datafaker en-NZ,
 * Māori names included), NZ identifiers from our own generators, phones, emails, addresses, cards,
 * secrets and spoken numbers, with code-point labels. Seeded, so the committed file is reproducible:
 * {@code java -cp ... com.connekz.pipeline.redact.eval.CanaryWriter pipeline/src/main/resources/redact/canary.jsonl 200 2026}.
 */
public final class CanaryWriter {
    private final Random random;
    private final Faker faker;

    CanaryWriter(long seed) {
        this.random = new Random(seed);
        this.faker = new Faker(new Locale("en", "NZ"), new Random(seed + 1));
    }

    public static void main(String[] args) throws IOException {
        Path out = Path.of(args.length > 0 ? args[0] : "pipeline/src/main/resources/redact/canary.jsonl");
        int count = args.length > 1 ? Integer.parseInt(args[1]) : 200;
        long seed = args.length > 2 ? Long.parseLong(args[2]) : 2026;
        Files.write(out, new CanaryWriter(seed).lines(count), StandardCharsets.UTF_8);
    }

    List<String> lines(int count) {
        ObjectMapper json = new ObjectMapper();
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Line line = new Line();
            int pieces = 1 + random.nextInt(3);
            for (int p = 0; p < pieces; p++) {
                TEMPLATES.get(random.nextInt(TEMPLATES.size())).accept(new Slot(this, line));
                line.text(" ");
            }
            try {
                lines.add(json.writeValueAsString(line.labelled()));
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
        return lines;
    }

    /** A line under construction with its labels in code points. */
    static final class Line {
        private final StringBuilder text = new StringBuilder();
        private final List<LabelledText.Span> spans = new ArrayList<>();

        Line text(String plain) {
            text.append(plain);
            return this;
        }

        Line entity(String type, String value) {
            int start = text.codePointCount(0, text.length());
            text.append(value);
            spans.add(new LabelledText.Span(type, start, start + value.codePointCount(0, value.length())));
            return this;
        }

        LabelledText labelled() {
            return new LabelledText(text.toString().strip(), spans);
        }
    }

    record Slot(CanaryWriter writer, Line line) {}

    private String first() {
        return faker.name().firstName();
    }

    private String full() {
        return faker.name().firstName() + " " + faker.name().lastName();
    }

    private String phone() {
        String[] prefixes = {"021", "022", "027", "029", "09", "04", "03", "07", "06"};
        String prefix = prefixes[random.nextInt(prefixes.length)];
        String subscriber = (2 + random.nextInt(8)) + digits(prefix.length() == 3 ? 6 : 6);
        String spaced = subscriber.substring(0, 3) + " " + subscriber.substring(3);
        return switch (random.nextInt(3)) {
            case 0 -> prefix + " " + spaced;
            case 1 -> "(" + prefix + ") " + spaced;
            default -> "+64 " + prefix.substring(1) + " " + spaced;
        };
    }

    private String digits(int count) {
        StringBuilder digits = new StringBuilder();
        for (int i = 0; i < count; i++) {
            digits.append(random.nextInt(10));
        }
        return digits.toString();
    }

    private String spoken(String digitString) {
        String[] words = {"zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"};
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < digitString.length(); i++) {
            char c = digitString.charAt(i);
            if (!Character.isDigit(c)) {
                continue;
            }
            if (out.length() > 0) {
                out.append(i == 3 || i == 6 ? ", " : " ");
            }
            out.append(c == '0' && random.nextBoolean() ? "oh" : words[c - '0']);
        }
        return out.toString();
    }

    private String date() {
        int day = 1 + random.nextInt(28);
        int month = 1 + random.nextInt(12);
        int year = 1950 + random.nextInt(55);
        String[] months = {"January", "February", "March", "April", "May", "June", "July", "August", "September",
                "October", "November", "December"};
        return switch (random.nextInt(3)) {
            case 0 -> String.format("%02d/%02d/%d", day, month, year);
            case 1 -> day + " " + months[month - 1] + " " + year;
            default -> String.format("%d-%02d-%02d", year, month, day);
        };
    }

    private static final List<Consumer<Slot>> TEMPLATES = List.of(
            s -> s.line().text("Hi, my name is ").entity(EntityTypes.PERSON, s.writer().full()).text("."),
            s -> s.line().text("Kia ora, I'm ").entity(EntityTypes.PERSON, s.writer().first()).text(", nice to meet you."),
            s -> s.line().text("Dear ").entity(EntityTypes.PERSON, s.writer().full()).text(", thanks for your message."),
            s -> s.line().text("Can you remind ").entity(EntityTypes.PERSON, s.writer().full()).text(" about the meeting tomorrow?"),
            s -> s.line().text("I had lunch with ").entity(EntityTypes.PERSON, s.writer().full()).text(" and it went well."),
            s -> s.line().text("Please call me on ").entity(EntityTypes.PHONE_NUMBER, s.writer().phone()).text("."),
            s -> s.line().text("My mobile is ").entity(EntityTypes.PHONE_NUMBER, s.writer().phone()),
            s -> s.line().text("my number is ").entity(EntityTypes.PHONE_NUMBER, s.writer().spoken("021" + s.writer().digits(7))),
            s -> {
                String name = s.writer().faker.name().firstName().toLowerCase(Locale.ROOT) + "."
                        + s.writer().faker.name().lastName().toLowerCase(Locale.ROOT).replace("'", "");
                s.line().text("Email me at ").entity(EntityTypes.EMAIL_ADDRESS, name + "@example.co.nz").text(" please.");
            },
            s -> s.line().text("My IRD number is ").entity(EntityTypes.NZ_IRD, IrdNumber.random(s.writer().random)).text("."),
            s -> s.line().text("IRD ").entity(EntityTypes.NZ_IRD, IrdNumber.random(s.writer().random).replace("-", "")),
            s -> s.line().text("The patient's NHI is ").entity(EntityTypes.NZ_NHI, NhiNumber.random(s.writer().random)).text("."),
            s -> s.line().text("Pay it into ").entity(EntityTypes.NZ_BANK_ACCOUNT, NzBankAccount.random(s.writer().random)).text(" by Friday."),
            s -> s.line().text("Our NZBN is ").entity(EntityTypes.NZBN, Nzbn.random(s.writer().random)).text("."),
            s -> s.line().text("Card number ").entity(EntityTypes.CREDIT_CARD, Luhn.randomCardNumber(s.writer().random)).text(" expires soon."),
            s -> s.line().text("Send it to IBAN ").entity(EntityTypes.IBAN, Iban.random(s.writer().random)),
            s -> s.line().text("I live at ").entity(EntityTypes.ADDRESS, s.writer().faker.address().fullAddress()).text("."),
            s -> s.line().text("I was born on ").entity(EntityTypes.DATE_OF_BIRTH, s.writer().date()).text("."),
            s -> s.line().text("DOB: ").entity(EntityTypes.DATE_OF_BIRTH, s.writer().date()),
            s -> s.line().text("My driver licence is ").entity(EntityTypes.NZ_DRIVER_LICENCE,
                    letters(s.writer().random, 2) + s.writer().digits(6)).text("."),
            s -> s.line().text("passport number ").entity(EntityTypes.NZ_PASSPORT,
                    letters(s.writer().random, 2) + s.writer().digits(6)),
            s -> s.line().text("connected from ").entity(EntityTypes.IP_ADDRESS,
                    (1 + s.writer().random.nextInt(223)) + "." + s.writer().random.nextInt(256) + "."
                            + s.writer().random.nextInt(256) + "." + (1 + s.writer().random.nextInt(254))),
            s -> s.line().text("my profile is ").entity(EntityTypes.URL, "https://www.facebook.com/"
                    + s.writer().faker.name().firstName().toLowerCase(Locale.ROOT) + "." + s.writer().digits(4)),
            s -> s.line().text("password: ").entity(EntityTypes.SECRET, s.writer().faker.internet().password(10, 16, true, true)),
            s -> s.line().text("aws key ").entity(EntityTypes.SECRET, "AKIA" + letters(s.writer().random, 8) + s.writer().digits(8)),
            s -> s.line().text("The weather in Wellington was wild today."),
            s -> s.line().text("Remind me to buy milk and 2 loaves of bread at 5pm."),
            s -> s.line().text("Connekz, what's on my calendar for 12 March?"));

    private static String letters(Random random, int count) {
        StringBuilder letters = new StringBuilder();
        for (int i = 0; i < count; i++) {
            letters.append((char) ('A' + random.nextInt(26)));
        }
        return letters.toString();
    }
}
