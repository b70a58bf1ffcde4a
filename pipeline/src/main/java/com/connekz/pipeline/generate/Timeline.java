package com.connekz.pipeline.generate;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * The generated window of days in New Zealand time, and how instants in it are written: content in
 * local time with its offset (+13:00 in summer), system events in UTC, always ISO-8601 with an offset.
 */
final class Timeline {
    static final ZoneId NEW_ZEALAND = ZoneId.of("Pacific/Auckland");
    private static final DateTimeFormatter WITH_OFFSET = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSXXX");
    private static final long DAY_MILLIS = 86_400_000L;

    private final LocalDate startDate;
    private final int days;
    private final long startMillis;

    Timeline(LocalDate startDate, int days) {
        this.startDate = startDate;
        this.days = days;
        this.startMillis = startDate.atStartOfDay(NEW_ZEALAND).toInstant().toEpochMilli();
    }

    LocalDate startDate() {
        return startDate;
    }

    int days() {
        return days;
    }

    LocalDate date(int day) {
        return startDate.plusDays(day);
    }

    /** The day in the middle of the window, when consent changes, withdrawals and deletions happen. */
    int midDay() {
        return days / 2;
    }

    int lastDay() {
        return days - 1;
    }

    /** Epoch milliseconds of a moment of a day of the window, given as New Zealand local time of day. */
    long at(int day, int hour, int minute) {
        return startDate.plusDays(day).atTime(hour, minute).atZone(NEW_ZEALAND).toInstant().toEpochMilli();
    }

    /** Epoch milliseconds a given number of days before the window starts. */
    long daysBefore(int daysBefore, long millisIntoDay) {
        return startMillis - daysBefore * DAY_MILLIS + millisIntoDay;
    }

    /** The instant in New Zealand local time with its offset, e.g. {@code 2026-11-02T09:14:03.120+13:00}. */
    String local(long millis) {
        Instant instant = Instant.ofEpochMilli(millis);
        ZoneOffset offset = NEW_ZEALAND.getRules().getOffset(instant);
        return WITH_OFFSET.format(OffsetDateTime.ofInstant(instant, offset));
    }

    /** The instant in UTC, e.g. {@code 2026-11-01T20:14:03.120Z}. */
    String utc(long millis) {
        return WITH_OFFSET.format(OffsetDateTime.ofInstant(Instant.ofEpochMilli(millis), ZoneOffset.UTC));
    }
}
