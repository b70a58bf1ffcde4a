package com.connekz.pipeline.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.connekz.pipeline.run.RunContext;
import java.awt.image.BufferedImage;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The HTML compliance report of a built and published version, rendered in headless Chromium.
 * Chromium must be installed in CI (bin/test installs it); only a local run without it and without
 * {@code CI} set skips the rendering.
 */
class ComplianceReportTest {
    @TempDir
    Path dir;

    @Test
    void theReportOfAPublishedVersionRendersInChromiumWithEverySection() throws Exception {
        RunContext context = AuditedLake.copy(dir, "nightly");
        new AuditStage().run(context);
        ComplianceReport report = ComplianceReport.of(context.spark(), context.lake(), context.keyedHash(),
                "assistant", Optional.empty());
        Path file = report.write(dir.resolve("report"));
        String html = Files.readString(file, StandardCharsets.UTF_8);

        assertThat(report.passed()).isTrue();
        assertThat(report.provenance().published()).isTrue();
        assertThat(report.provenance().redactedEntities()).containsKey("EMAIL_ADDRESS");
        assertThat(report.provenance().excludedByReason()).containsEntry("withdrawn", 1L);
        for (String section : ComplianceReportHtml.SECTIONS) {
            assertThat(html).contains("<h2>" + section + "</h2>");
        }
        // Self-contained: nothing to fetch, nothing to run, and no raw identifier.
        assertThat(html).doesNotContain("<script", "<link", "src=", "href=", "url(")
                .doesNotContain(AuditedLake.ALICE, AuditedLake.BOB, AuditedLake.CAROL, "alice.w@example.com");

        String chromium = chromium();
        Path png = dir.resolve("report.png");
        run(List.of(chromium, "--headless", "--no-sandbox", "--disable-gpu", "--user-data-dir=" + dir.resolve("profile-1"),
                "--screenshot=" + png, "--window-size=1024,2000", file.toUri().toString()));
        BufferedImage image = ImageIO.read(png.toFile());
        assertThat(image).isNotNull();
        assertThat(image.getWidth()).isEqualTo(1024);
        assertThat(colours(image)).hasSizeGreaterThan(1);

        String dom = run(List.of(chromium, "--headless", "--no-sandbox", "--disable-gpu",
                "--user-data-dir=" + dir.resolve("profile-2"), "--dump-dom", file.toUri().toString()));
        for (String section : ComplianceReportHtml.SECTIONS) {
            assertThat(dom).contains("<h2>" + section + "</h2>");
        }
        assertThat(dom).contains("<svg");
    }

    @Test
    void everyValueIsEscaped() {
        assertThat(ComplianceReportHtml.esc("<script>alert('x') & \"y\"</script>"))
                .isEqualTo("&lt;script&gt;alert(&#39;x&#39;) &amp; &quot;y&quot;&lt;/script&gt;");
    }

    /** The chromium binary; a test failure in CI when it is missing, a skip only on a developer's machine. */
    private static String chromium() {
        for (String folder : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            Path candidate = Path.of(folder, "chromium");
            if (Files.isExecutable(candidate)) {
                return candidate.toString();
            }
        }
        if (System.getenv("CI") != null) {
            fail("chromium is not installed: bin/test installs it with 'apt-get install -y chromium'");
        }
        assumeTrue(false, "chromium is not installed (and CI is unset): rendering not checked");
        return null;
    }

    private static String run(List<String> command) throws Exception {
        Process process = new ProcessBuilder(new ArrayList<>(command))
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        process.getOutputStream().close();
        byte[] out = process.getInputStream().readAllBytes();
        if (!process.waitFor(180, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            fail("chromium did not finish within 180 s");
        }
        assertThat(process.exitValue()).as("chromium exit status").isZero();
        return new String(out, StandardCharsets.UTF_8);
    }

    private static Set<Integer> colours(BufferedImage image) {
        Set<Integer> colours = new HashSet<>();
        for (int y = 0; y < image.getHeight(); y += 7) {
            for (int x = 0; x < image.getWidth(); x += 7) {
                colours.add(image.getRGB(x, y));
            }
        }
        return colours;
    }
}
