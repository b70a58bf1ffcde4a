package com.connekz.pipeline.run;

import java.security.SecureRandom;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;

/** Run ids that sort by start time and do not collide: {@code 20261125T135700Z-3f9a1c}. */
public final class RunIds {
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
    private static final SecureRandom RANDOM = new SecureRandom();

    private RunIds() {}

    public static String next(Instant at) {
        byte[] suffix = new byte[3];
        RANDOM.nextBytes(suffix);
        return STAMP.format(at) + "-" + HexFormat.of().formatHex(suffix);
    }
}
