package com.connekz.pipeline.generate;

import static org.assertj.core.api.Assertions.assertThat;

import com.connekz.pipeline.redact.EntityTypes;
import com.connekz.pipeline.redact.checksum.Luhn;
import com.connekz.pipeline.redact.nz.IrdNumber;
import com.connekz.pipeline.redact.nz.NhiNumber;
import com.connekz.pipeline.redact.nz.NzBankAccount;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every label points, in code points, at exactly the value that was planted in the landed line. */
class LabelsTest {
    private static final Pattern SEGMENT = Pattern.compile("segments\\[(\\d+)]\\.text");
    private static final Pattern PHONE = Pattern.compile(
            "[+(0-9][0-9 ()+-]{6,}[0-9]|((plus|oh|zero|one|two|three|four|five|six|seven|eight|nine),? ?)+");

    @TempDir
    Path root;

    @Test
    void plantedTypesAreTypesTheRedactionEngineNames() {
        for (EntityType type : EntityType.values()) {
            assertThat(EntityTypes.ALL).contains(type.name());
        }
    }

    @Test
    void labelsReadAsTheRedactionEvaluationReadsThem() throws Exception {
        LandingGenerator.generate(root, GeneratorOptions.of(10, 1));
        for (String line : LandingLines.lines(root.resolve("_labels/labels.jsonl"))) {
            var labelled = LandingLines.MAPPER.readValue(line, com.connekz.pipeline.redact.eval.LabelledText.class);
            assertThat(labelled.entities()).isNotEmpty();
            assertThat(labelled.text()).isNotBlank();
        }
    }

    @Test
    void labelledTextCountsCodePointsNotUtf16Units() {
        LabelledText text = new LabelledText().plain("Kia ora 👋 ").planted(EntityType.PERSON, "Mārama Pōmare")
                .plain(" 🎉 ").planted(EntityType.PHONE_NUMBER, "021 555 0199");

        PlantedEntity person = text.entities().get(0);
        PlantedEntity phone = text.entities().get(1);
        assertThat(person.start()).isEqualTo(10);
        assertThat(codePoints(text.text(), person.start(), person.end())).isEqualTo("Mārama Pōmare");
        assertThat(codePoints(text.text(), phone.start(), phone.end())).isEqualTo("021 555 0199");
        // In UTF-16 units the phone number starts two places later, one per emoji.
        assertThat(text.text().indexOf("021")).isEqualTo(phone.start() + 2);
    }

    @Test
    void everyLabelMatchesItsLineAndEachEntityIsAValidPlantedValue() {
        LandingGenerator.generate(root, GeneratorOptions.of(45, 2).withBadLines(0.05, 0.02).withLinesPerPart(120));

        Map<String, List<String>> files = new HashMap<>();
        Set<EntityType> types = EnumSet.noneOf(EntityType.class);
        Set<String> fieldKinds = new HashSet<>();
        boolean emojiBeforeAnEntity = false;
        boolean macronInAnEntity = false;
        List<String> labels = LandingLines.lines(root.resolve("_labels/labels.jsonl"));
        assertThat(labels).hasSizeGreaterThan(200);
        for (String labelLine : labels) {
            JsonNode label = LandingLines.parse(labelLine);
            String file = label.path("file").asText();
            List<String> lines = files.computeIfAbsent(file, f -> LandingLines.lines(root.resolve(f)));
            JsonNode record = LandingLines.parse(lines.get(label.path("line").asInt() - 1));
            String field = label.path("field").asText();
            String text = label.path("text").asText();
            assertThat(fieldText(record, field)).as(file + ":" + label.path("line")).isEqualTo(text);
            fieldKinds.add(field.replaceAll("\\d+", "n"));

            int length = text.codePointCount(0, text.length());
            int previousEnd = 0;
            for (JsonNode entity : label.path("entities")) {
                int start = entity.path("start").asInt();
                int end = entity.path("end").asInt();
                assertThat(start).isGreaterThanOrEqualTo(previousEnd).isLessThan(end);
                assertThat(end).isLessThanOrEqualTo(length);
                previousEnd = end;
                EntityType type = EntityType.valueOf(entity.path("type").asText());
                types.add(type);
                String value = codePoints(text, start, end);
                assertThat(value).isEqualTo(value.strip());
                assertPlausible(type, value);
                String before = text.substring(0, text.offsetByCodePoints(0, start));
                emojiBeforeAnEntity |= before.codePointCount(0, before.length()) != before.length();
                macronInAnEntity |= value.matches(".*[āēīōūĀĒĪŌŪ].*");
            }
        }
        assertThat(types).containsExactlyInAnyOrder(EntityType.values());
        assertThat(fieldKinds).contains("text", "attachments_text", "segments[n].text", "summary", "prompt", "output");
        assertThat(emojiBeforeAnEntity).isTrue();
        assertThat(macronInAnEntity).isTrue();
        assertThat(files.keySet()).anyMatch(f -> f.endsWith("part-00001.jsonl"));
    }

    private static void assertPlausible(EntityType type, String value) {
        switch (type) {
            case NZ_IRD -> assertThat(IrdNumber.isValid(value)).as(value).isTrue();
            case NZ_NHI -> assertThat(NhiNumber.isValid(value)).as(value).isTrue();
            case NZ_BANK_ACCOUNT -> assertThat(NzBankAccount.isValid(value)).as(value).isTrue();
            case CREDIT_CARD -> assertThat(Luhn.isValid(value.replaceAll("[ -]", ""))).as(value).isTrue();
            case EMAIL_ADDRESS -> assertThat(value).matches("[a-z0-9._]+@[a-z0-9.]+\\.[a-z]+");
            case PHONE_NUMBER -> assertThat(value).matches(PHONE);
            default -> assertThat(value).matches("[\\p{L}\\p{N}].*[\\p{L}\\p{N}]|\\p{L}");
        }
    }

    private static String fieldText(JsonNode record, String field) {
        Matcher segment = SEGMENT.matcher(field);
        if (segment.matches()) {
            return record.path("segments").get(Integer.parseInt(segment.group(1))).path("text").asText();
        }
        return record.path(field).asText();
    }

    static String codePoints(String text, int start, int end) {
        int from = text.offsetByCodePoints(0, start);
        return text.substring(from, text.offsetByCodePoints(from, end - start));
    }
}
