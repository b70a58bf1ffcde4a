package com.connekz.pipeline.redact.ner;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDateTime;
import java.util.HexFormat;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * Makes a serialized OpenNLP model depend on its content only. OpenNLP stamps the wall clock into
 * the model twice (zip entry times and a {@code Timestamp} manifest property); both are replaced
 * by constants so that retraining on the same corpora gives the same bytes and checksum.
 */
public final class ModelBytes {
    private static final String MANIFEST = "manifest.properties";
    private static final Set<String> CLOCK_PROPERTIES = Set.of("Timestamp");
    private static final LocalDateTime FIXED_ENTRY_TIME = LocalDateTime.of(2000, 1, 1, 0, 0);

    private ModelBytes() {
    }

    /** Rewrites the model zip with fixed entry times and without clock-valued manifest properties. */
    public static byte[] normalize(byte[] model) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(model.length);
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(model));
                ZipOutputStream zip = new ZipOutputStream(out)) {
            ZipEntry entry;
            while ((entry = in.getNextEntry()) != null) {
                byte[] content = in.readAllBytes();
                if (entry.getName().equals(MANIFEST)) {
                    content = withoutClock(content);
                }
                ZipEntry copy = new ZipEntry(entry.getName());
                copy.setTimeLocal(FIXED_ENTRY_TIME);
                zip.putNextEntry(copy);
                zip.write(content);
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("model bytes are not a zip", e);
        }
        return out.toByteArray();
    }

    /** Lower-case hex SHA-256 of the bytes. */
    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    private static byte[] withoutClock(byte[] manifest) throws IOException {
        Properties properties = new Properties();
        properties.load(new ByteArrayInputStream(manifest));
        CLOCK_PROPERTIES.forEach(properties::remove);
        StringWriter written = new StringWriter();
        properties.store(written, null);
        String sortedWithoutDateComment = written.toString().lines()
                .filter(line -> !line.startsWith("#"))
                .sorted()
                .collect(Collectors.joining("\n", "", "\n"));
        return sortedWithoutDateComment.getBytes(StandardCharsets.ISO_8859_1);
    }
}
