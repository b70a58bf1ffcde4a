package com.connekz.pipeline.redact.ner;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Properties;
import java.util.stream.Collectors;
import java.util.Locale;
import java.util.TreeSet;
import net.datafaker.Faker;
import opennlp.tools.dictionary.Dictionary;
import opennlp.tools.util.StringList;

/**
 * First names and surnames from datafaker's English and New Zealand lists, as a case-insensitive
 * OpenNLP dictionary. The model learns from context how much a listed word counts (many names are
 * also words), so the list raises recall without deciding anything on its own.
 */
public final class PersonNameDictionary {
    /** The resource name the feature descriptor refers to. */
    public static final String RESOURCE_NAME = "person-names.dictionary";

    private static final List<String[]> LISTS = List.of(
            new String[] {"en/name.yml", "en", "male_first_name"},
            new String[] {"en/name.yml", "en", "female_first_name"},
            new String[] {"en/name.yml", "en", "last_name"},
            new String[] {"en-NZ.yml", "en-NZ", "first_name"},
            new String[] {"en-NZ.yml", "en-NZ", "last_name"});

    private PersonNameDictionary() {
    }

    /** The names, lower-cased and sorted so that the dictionary (and the model) is the same every run. */
    public static TreeSet<String> names() {
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
        TreeSet<String> names = new TreeSet<>();
        for (String[] list : LISTS) {
            try (InputStream in = Faker.class.getClassLoader().getResourceAsStream(list[0])) {
                if (in == null) {
                    throw new IllegalStateException("datafaker name list missing: " + list[0]);
                }
                JsonNode entries = yaml.readTree(in).path(list[1]).path("faker").path("name").path(list[2]);
                entries.forEach(entry -> names.add(entry.asText().strip().toLowerCase(Locale.ROOT)));
            } catch (IOException e) {
                throw new UncheckedIOException("datafaker name list unreadable: " + list[0], e);
            }
        }
        names.removeIf(String::isEmpty);
        return names;
    }

    /** Where the names come from, how many there are and their checksum, for the manifest. */
    public record Description(String source, int entries, String sha256) {
    }

    public static Description describe() {
        TreeSet<String> names = names();
        byte[] listed = String.join("\n", names).getBytes(StandardCharsets.UTF_8);
        return new Description("net.datafaker:datafaker:" + datafakerVersion() + " " + LISTS.stream()
                .map(list -> list[0] + "#" + list[2]).collect(Collectors.joining(", ")), names.size(),
                ModelBytes.sha256(listed));
    }

    private static String datafakerVersion() {
        Properties pom = new Properties();
        try (InputStream in = Faker.class.getClassLoader()
                .getResourceAsStream("META-INF/maven/net.datafaker/datafaker/pom.properties")) {
            if (in != null) {
                pom.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return pom.getProperty("version", "unknown");
    }

    /** The names as a dictionary; a name of several words is one multi-token entry. */
    public static Dictionary dictionary() {
        Dictionary dictionary = new Dictionary(false);
        for (String name : names()) {
            dictionary.put(new StringList(name.split("\\s+")));
        }
        return dictionary;
    }
}
