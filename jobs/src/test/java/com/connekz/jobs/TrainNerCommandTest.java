package com.connekz.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import com.connekz.pipeline.redact.ner.ModelBytes;
import com.connekz.pipeline.redact.ner.NerManifest;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class TrainNerCommandTest {
    @TempDir
    Path folder;

    @Test
    void trainsWritesModelAndManifestAndPrintsTheChecksum() throws Exception {
        Path corpora = writeTinyCorpora(folder.resolve("corpora"));
        Path model = folder.resolve("out/model.bin");

        Run run = run("--corpora", corpora.toString(), "--out", model.toString(), "--iterations", "5");

        assertThat(run.status).isZero();
        String sha = ModelBytes.sha256(Files.readAllBytes(model));
        NerManifest manifest;
        try (InputStream in = Files.newInputStream(model.resolveSibling("manifest.json"))) {
            manifest = NerManifest.fromJson(in);
        }
        assertThat(manifest.modelSha256()).isEqualTo(sha);
        assertThat(manifest.training().iterations()).isEqualTo(5);
        assertThat(manifest.evaluation()).isNotEmpty();
        assertThat(run.out).contains(sha).contains("btc.test").contains("person");
    }

    @Test
    void checkFailsWhenTheCorporaAreNotTheShippedModelsCorpora() throws Exception {
        Path corpora = writeTinyCorpora(folder.resolve("corpora"));

        Run run = run("--corpora", corpora.toString(), "--check", "--iterations", "5");

        assertThat(run.status).isNotZero();
    }

    @Test
    void missingCorporaFolderFailsWithItsName() {
        Run run = run("--corpora", folder.resolve("nowhere").toString());

        assertThat(run.status).isNotZero();
        assertThat(run.err).contains("nowhere");
    }

    private record Run(int status, String out, String err) {
    }

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine command = new CommandLine(new TrainNerCommand());
        command.setOut(new PrintWriter(out));
        command.setErr(new PrintWriter(err));
        command.setExecutionExceptionHandler((ex, cmd, parsed) -> {
            cmd.getErr().println(ex.getMessage());
            return 1;
        });
        int status = command.execute(args);
        return new Run(status, out.toString(), err.toString());
    }

    private static Path writeTinyCorpora(Path root) throws Exception {
        String tweets = "hi\tO\nmy\tO\nname\tO\nis\tO\nAroha\tB-PER\nfrom\tO\nNapier\tB-LOC\n\n"
                + "thanks\tO\nTama\tB-PER\nat\tO\nFonterra\tB-ORG\n\n";
        for (String file : new String[] {"btc/btc.train", "btc/btc.dev", "btc/btc.test", "wnut17/wnut17train.conll",
                "wnut17/emerging.dev.conll", "wnut17/emerging.test.annotated"}) {
            Files.createDirectories(root.resolve(file).getParent());
            Files.writeString(root.resolve(file), tweets.repeat(3));
        }
        Files.createDirectories(root.resolve("wikigold"));
        Files.writeString(root.resolve("wikigold/wikigold.conll.txt"),
                "-DOCSTART- O\n\nHana I-PER\nvisited O\nOtago I-LOC\n\n".repeat(6));
        return root;
    }
}
