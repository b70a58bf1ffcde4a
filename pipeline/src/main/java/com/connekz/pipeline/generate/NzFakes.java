package com.connekz.pipeline.generate;

import com.connekz.pipeline.redact.checksum.Luhn;
import com.connekz.pipeline.redact.nz.IrdNumber;
import com.connekz.pipeline.redact.nz.NhiNumber;
import com.connekz.pipeline.redact.nz.NzBankAccount;
import java.text.Normalizer;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Random;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import net.datafaker.Faker;

/**
 * New Zealand personal data to plant: names, addresses and places drawn once from datafaker's en-NZ
 * locale into pools (datafaker is far too slow to call per record), and identifiers drawn per use
 * from the redaction engine's own generators, so the two sides agree on what a valid one is.
 */
final class NzFakes {
    /** datafaker's en-NZ first names carry no macrons; these make sure some names do. */
    private static final List<String> MAORI_FIRST_NAMES = List.of(
            "Mārama", "Hēmi", "Pāora", "Tīmoti", "Rēwi", "Āperahama", "Mere", "Hōhepa", "Ngaio", "Whetū");
    /** datafaker's en-NZ surnames hold no Māori ones. */
    private static final List<String> MAORI_SURNAMES = List.of(
            "Ngata", "Parata", "Tipene", "Te Whiu", "Waititi", "Karaka", "Hēnare", "Pōmare", "Mātene",
            "Te Rangi", "Wīhongi", "Tāwhai", "Horomona", "Rangihuna", "Kīngi");
    private static final List<String> EMAIL_DOMAINS = List.of(
            "xtra.co.nz", "gmail.com", "gmail.com", "outlook.com", "hotmail.co.nz", "yahoo.co.nz",
            "slingshot.co.nz", "orcon.net.nz", "icloud.com", "vodafone.co.nz", "windowslive.com");
    private static final DateTimeFormatter[] DATE_STYLES = {
            DateTimeFormatter.ofPattern("dd/MM/yyyy"),
            DateTimeFormatter.ofPattern("d/M/yy"),
            DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH),
            DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH),
            DateTimeFormatter.ISO_LOCAL_DATE,
            DateTimeFormatter.ofPattern("dd.MM.yyyy"),
    };

    private final List<String> firstNames;
    private final List<String> lastNames;
    private final List<String> addresses;
    private final List<String> places;
    private final List<String> regions;
    /** ASCII forms of the pooled names, worked out once: normalising per email is slow. */
    private final Map<String, String> asciiNames = new HashMap<>();

    NzFakes(long seed) {
        // Locale.of needs Java 19; the constructor gives the same en-NZ locale on Java 17.
        Faker faker = new Faker(new Locale("en", "NZ"), new Random(seed));
        firstNames = new ArrayList<>(distinct(400, () -> faker.name().firstName()));
        firstNames.addAll(MAORI_FIRST_NAMES);
        firstNames.addAll(MAORI_FIRST_NAMES);
        lastNames = new ArrayList<>(distinct(600, () -> faker.name().lastName().replace("''", "'")));
        for (int i = 0; i < 4; i++) {
            lastNames.addAll(MAORI_SURNAMES);
        }
        addresses = new ArrayList<>(distinct(1500, () -> faker.address().fullAddress()));
        List<String> placeNames = new ArrayList<>(distinct(300, () -> faker.address().city()));
        placeNames.addAll(distinct(300, () -> faker.resolve("address.suburb")));
        places = placeNames;
        regions = new ArrayList<>(distinct(100, () -> faker.address().state()));
        for (String name : firstNames) {
            asciiNames.put(name, ascii(name));
        }
        for (String name : lastNames) {
            asciiNames.put(name, ascii(name));
        }
    }

    private static List<String> distinct(int draws, java.util.function.Supplier<String> draw) {
        LinkedHashSet<String> values = new LinkedHashSet<>();
        for (int i = 0; i < draws; i++) {
            values.add(draw.get());
        }
        return List.copyOf(values);
    }

    String firstName(RandomGenerator random) {
        return pick(firstNames, random);
    }

    String lastName(RandomGenerator random) {
        return pick(lastNames, random);
    }

    /** A full address: urban street, rural delivery (RD) or PO Box, as datafaker's en-NZ writes them. */
    String address(RandomGenerator random) {
        return pick(addresses, random);
    }

    /** A town, city or suburb. */
    String place(RandomGenerator random) {
        return pick(places, random);
    }

    String region(RandomGenerator random) {
        return pick(regions, random);
    }

    /** An email address made from a person's name, the way people make theirs. */
    String email(String first, String last, RandomGenerator random) {
        String f = asciiNames.computeIfAbsent(first, NzFakes::ascii);
        String l = asciiNames.computeIfAbsent(last, NzFakes::ascii);
        String local = switch (random.nextInt(6)) {
            case 0 -> f + "." + l;
            case 1 -> f + l;
            case 2 -> f + "_" + l + (10 + random.nextInt(90));
            case 3 -> f.charAt(0) + "." + l;
            case 4 -> f + (1960 + random.nextInt(50));
            default -> l + "." + f;
        };
        return local + "@" + pick(EMAIL_DOMAINS, random);
    }

    /** Lower-case ASCII letters only: "Mātene" becomes "matene", "O'Hara" becomes "ohara". */
    static String ascii(String name) {
        String stripped = Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        return stripped.toLowerCase(Locale.ROOT).replaceAll("[^a-z]", "");
    }

    /*
     * The identifier generators belong to the redaction engine and may draw more or fewer random
     * numbers as they evolve; each gets a stream of its own, seeded by one draw, so that everything
     * else generated stays the same when they change.
     */

    String ird(RandomGenerator random) {
        SplittableRandom own = new SplittableRandom(random.nextLong());
        String printed = IrdNumber.random(own);
        return own.nextInt(3) == 0 ? printed.replace("-", "") : printed;
    }

    String nhi(RandomGenerator random) {
        return NhiNumber.random(new SplittableRandom(random.nextLong()));
    }

    String bankAccount(RandomGenerator random) {
        SplittableRandom own = new SplittableRandom(random.nextLong());
        String printed = NzBankAccount.random(own);
        return own.nextInt(4) == 0 ? printed.replace('-', ' ') : printed;
    }

    String card(RandomGenerator random) {
        SplittableRandom own = new SplittableRandom(random.nextLong());
        String printed = Luhn.randomCardNumber(own);
        return switch (own.nextInt(4)) {
            case 0 -> printed.replace(" ", "");
            case 1 -> printed.replace(' ', '-');
            default -> printed;
        };
    }

    /** A date written one of the ways New Zealanders write dates (day before month). */
    static String date(LocalDate date, RandomGenerator random) {
        return DATE_STYLES[random.nextInt(DATE_STYLES.length)].format(date);
    }

    static <T> T pick(List<T> items, RandomGenerator random) {
        return items.get(random.nextInt(items.size()));
    }
}
