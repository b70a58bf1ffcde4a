package com.connekz.pipeline.redact.recognizers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.zip.GZIPInputStream;

/**
 * First names and surnames from datafaker's bundled locale files (English, New Zealand with its
 * Māori names, Australia, Britain, Ireland), lower-cased, read once from the classpath; plus the
 * common words that are also names and need context before they count.
 */
public final class NameLists {
    private static final List<String> LOCALE_FILES = List.of("/en/name.yml", "/en-NZ.yml", "/en-AU.yml", "/en-GB.yml", "/en-IE.yml");
    private static final List<String> FIRST_NAME_KEYS = List.of("first_name", "male_first_name", "female_first_name");
    private static final List<String> SURNAME_KEYS = List.of("last_name");

    private final Set<String> firstNames;
    private final Set<String> surnames;
    private final Set<String> commonWords;
    private final Set<String> places;

    private NameLists(Set<String> firstNames, Set<String> surnames, Set<String> commonWords, Set<String> places) {
        this.firstNames = Set.copyOf(firstNames);
        this.surnames = Set.copyOf(surnames);
        this.commonWords = Set.copyOf(commonWords);
        this.places = Set.copyOf(places);
    }

    /** Words of New Zealand place names (datafaker en-NZ cities, regions, suburbs), lower case. */
    public boolean isPlaceWord(String lower) {
        return places.contains(lower);
    }

    /** The lists, loaded on first use and shared by every thread. */
    public static NameLists shared() {
        return Holder.LISTS;
    }

    public boolean isFirstName(String lower) {
        return firstNames.contains(lower);
    }

    public boolean isSurname(String lower) {
        return surnames.contains(lower);
    }

    public boolean isName(String lower) {
        return firstNames.contains(lower) || surnames.contains(lower);
    }

    /** Māori greetings and everyday words that a model or list may take for a name ("Kia ora"). */
    private static final Set<String> NEVER_NAMES = Set.of("kia", "ora", "tēnā", "tena", "koe", "koutou", "kōrua", "korua",
            "mōrena", "morena", "ka", "pai", "whānau", "whanau", "haere", "mai", "rā", "ra", "nau", "katoa", "aotearoa",
            "ngā", "mihi", "kai", "pēhea", "kei", "te", "hei", "konā", "kona");

    /** Whether the word is never a person's name on its own. */
    public boolean isNeverName(String lower) {
        return NEVER_NAMES.contains(lower);
    }

    public boolean isCommonWord(String lower) {
        return commonWords.contains(lower);
    }

    public int size() {
        return firstNames.size() + surnames.size();
    }

    private static final class Holder {
        static final NameLists LISTS = load();
    }

    private static NameLists load() {
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
        Set<String> first = new HashSet<>();
        Set<String> last = new HashSet<>();
        Set<String> places = new HashSet<>();
        for (String file : LOCALE_FILES) {
            try (InputStream in = NameLists.class.getResourceAsStream(file)) {
                if (in == null) {
                    continue;
                }
                JsonNode locale = yaml.readTree(in);
                locale.fields().forEachRemaining(entry -> {
                    JsonNode name = entry.getValue().path("faker").path("name");
                    FIRST_NAME_KEYS.forEach(key -> collect(name.path(key), first));
                    SURNAME_KEYS.forEach(key -> collect(name.path(key), last));
                    JsonNode address = entry.getValue().path("faker").path("address");
                    if (entry.getKey().equals("en-NZ")) {
                        List.of("city", "region", "suburb", "street_suffix", "default_country").forEach(key -> collectWords(address.path(key), places));
                    }
                });
            } catch (IOException e) {
                throw new UncheckedIOException("datafaker name list " + file + " is unreadable", e);
            }
        }
        if (first.isEmpty() || last.isEmpty()) {
            throw new IllegalStateException("datafaker name lists are missing from the classpath");
        }
        return new NameLists(first, last, readWords("/redact/common-words.txt"), places);
    }

    private static void collect(JsonNode values, Set<String> into) {
        for (JsonNode value : values) {
            String text = value.asText();
            if (text.contains("#{")) {
                continue;
            }
            for (String part : text.split("[ -]")) {
                String lower = part.replace("''", "'").toLowerCase(Locale.ROOT);
                if (lower.length() > 1 && !NameParts.isParticle(lower)) {
                    into.add(lower);
                }
            }
        }
    }

    private static void collectWords(JsonNode values, Set<String> into) {
        for (JsonNode value : values) {
            for (String part : value.asText().split(" ")) {
                into.add(part.toLowerCase(Locale.ROOT));
            }
        }
    }

    /** The words of a resource, one per line, lower-cased; blank and # lines skipped; gzip when it ends in .gz. */
    static Set<String> readWords(String resource) {
        Set<String> words = new HashSet<>();
        try (InputStream in = NameLists.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("resource " + resource + " is missing");
            }
            InputStream plain = resource.endsWith(".gz") ? new GZIPInputStream(in) : in;
            new BufferedReader(new InputStreamReader(plain, StandardCharsets.UTF_8)).lines()
                    .map(String::strip)
                    .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                    .forEach(line -> words.add(line.toLowerCase(Locale.ROOT)));
        } catch (IOException e) {
            throw new UncheckedIOException(resource + " is unreadable", e);
        }
        return words;
    }
}
