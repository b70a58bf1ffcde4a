package com.connekz.pipeline.redact.ner;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;

class ModelBytesTest {

    @Test
    void clockStampsAreRemovedAndEverythingElseKept() throws Exception {
        byte[] early = zip(1_000L, "Timestamp=1000\nOpenNLP-Version=2.5.11\n");
        byte[] late = zip(9_000_000_000L, "Timestamp=9000000000\nOpenNLP-Version=2.5.11\n");

        byte[] normalized = ModelBytes.normalize(early);

        assertThat(normalized).isEqualTo(ModelBytes.normalize(late));
        Properties manifest = new Properties();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(normalized))) {
            assertThat(in.getNextEntry().getName()).isEqualTo("manifest.properties");
            manifest.load(in);
            assertThat(in.getNextEntry().getName()).isEqualTo("nameFinder.model");
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("weights");
        }
        assertThat(manifest).containsEntry("OpenNLP-Version", "2.5.11").doesNotContainKey("Timestamp");
    }

    @Test
    void sha256IsLowerCaseHex() {
        assertThat(ModelBytes.sha256("abc".getBytes(StandardCharsets.US_ASCII)))
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }

    private static byte[] zip(long time, String manifest) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            ZipEntry entry = new ZipEntry("manifest.properties");
            entry.setTime(time);
            zip.putNextEntry(entry);
            zip.write(manifest.getBytes(StandardCharsets.ISO_8859_1));
            ZipEntry weights = new ZipEntry("nameFinder.model");
            weights.setTime(time);
            zip.putNextEntry(weights);
            zip.write("weights".getBytes(StandardCharsets.UTF_8));
        }
        return out.toByteArray();
    }
}
