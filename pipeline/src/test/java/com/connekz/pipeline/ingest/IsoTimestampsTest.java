package com.connekz.pipeline.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IsoTimestampsTest {

    @ParameterizedTest
    @ValueSource(strings = {"2026-11-01T10:00:00Z", "2026-11-01T10:00:00.123Z", "2026-11-01T10:00:00.5+13:00",
        "2026-11-01T23:59:59.123456789-09:30", "2024-02-29T00:00:00+00:00", "2026-11-01T10:00:00-00:00",
        "0001-01-01T00:00:00Z", "2026-12-31T23:59:59+18:00"})
    void theFastPathGivesTheFormattersInstant(String text) {
        Timestamp expected = Timestamp.from(OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant());
        assertThat(IsoTimestamps.parseCommonShape(text)).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-02-30T10:00:00Z", "2026-13-01T10:00:00Z", "2026-11-01T24:00:00Z",
        "2026-11-01T10:60:00Z", "2026-11-01T10:00:00", "2026-11-01T10:00:00+19:00",
        "2026-11-01T10:00:00.1234567890Z", "2026-11-01 10:00:00Z", "2026-11-01T10:00:00+1300", "2026-11-01T10:00:0xZ",
        "+2026-11-01T10:00:00Z", "2026-11-01T10:00:00ZZ", "2026-11-01T10:00:00+13:0a"})
    void anythingItRefusesTheFormatterRefusesToo(String text) {
        assertThat(IsoTimestamps.parseCommonShape(text)).isNull();
        assertThat(formatterAccepts(text)).as("the formatter on %s", text).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-11-01T10:00Z", "2026-11-01t10:00:00Z", "2026-11-01T10:00:00.Z", "2026-11-01T10:00:00+13:00:30"})
    void unusualButValidShapesAreLeftToTheFormatter(String text) {
        assertThat(IsoTimestamps.parseCommonShape(text)).isNull();
        assertThat(formatterAccepts(text)).isTrue();
    }

    private static boolean formatterAccepts(String text) {
        try {
            OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME);
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }
}
