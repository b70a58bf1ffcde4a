package com.connekz.jobs;

import com.connekz.pipeline.config.HashKey;
import com.connekz.pipeline.config.PipelineConfig;
import com.connekz.pipeline.redact.Entity;
import com.connekz.pipeline.redact.RedactedText;
import com.connekz.pipeline.redact.RedactionEngine;
import com.connekz.pipeline.redact.eval.CodePoints;
import com.connekz.pipeline.redact.eval.Evaluation;
import com.connekz.pipeline.redact.eval.LabelledText;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code redact}: text on stdin, redacted text on stdout (contract section 3). {@code --jsonl} reads
 * JSON lines with a {@code text} field and writes each back with {@code redacted} and
 * {@code entities} (code-point offsets); {@code --evaluate FILE} scores a labelled set (section 6).
 */
@Command(name = "redact", mixinStandardHelpOptions = true,
        description = "Redact personal data from text on stdin, or score redaction on a labelled set.")
public final class RedactCommand implements Callable<Integer> {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Mixin
    CommonOptions common;

    @Option(names = "--explain", description = "also print the entities found: type, code-point offsets, score, recognizer")
    boolean explain;

    @Option(names = "--jsonl", description = "read JSON lines {\"text\": ...}; write each with redacted and entities")
    boolean jsonl;

    @Option(names = "--evaluate", paramLabel = "FILE",
            description = "score a labelled JSON-lines set {text, entities:[{type,start,end}]} at token and span level")
    Path evaluate;

    @Override
    public Integer call() throws IOException {
        RedactionEngine engine = engine();
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        if (evaluate != null) {
            return evaluate(engine, out);
        }
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        return jsonl ? redactLines(engine, in, out) : redactText(engine, in, out);
    }

    /** The engine of the configured policy; without a configuration file, the shipped defaults. */
    private RedactionEngine engine() {
        PipelineConfig config = Files.isRegularFile(common.conf) ? common.config()
                : PipelineConfig.defaults();
        HashKey key = HashKey.resolve(config, System.getenv());
        return RedactionEngine.of(config.redaction().loadPolicy(), key);
    }

    private int redactText(RedactionEngine engine, BufferedReader in, PrintStream out) throws IOException {
        StringBuilder text = new StringBuilder();
        char[] buffer = new char[8192];
        for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
            text.append(buffer, 0, read);
        }
        String input = text.toString();
        RedactedText result = engine.redact(input);
        if (common.json()) {
            ObjectNode node = JSON.createObjectNode();
            node.put("redacted", result.text());
            node.set("entities", entities(input, result.entities(), explain));
            out.println(JSON.writeValueAsString(node));
            return 0;
        }
        out.print(result.text());
        if (explain) {
            out.println();
            out.println("-- " + result.entities().size() + " entities (code-point offsets)");
            for (Entity entity : result.entities()) {
                out.printf("%-18s %6d %6d  %.2f  %-16s %s%n", entity.type(), CodePoints.toCodePoint(input, entity.start()),
                        CodePoints.toCodePoint(input, entity.end()), entity.score(), entity.recognizer(),
                        entity.context().isEmpty() ? "" : "context: " + String.join(", ", entity.context()));
            }
        }
        return 0;
    }

    /** One output line per input line; a line that is not an object with a text string is reported, never echoed. */
    private int redactLines(RedactionEngine engine, BufferedReader in, PrintStream out) throws IOException {
        int bad = 0;
        long number = 0;
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            number++;
            if (line.isBlank()) {
                continue;
            }
            JsonNode node;
            try {
                node = JSON.readTree(line);
            } catch (IOException e) {
                node = null;
            }
            if (node == null || !node.isObject() || !node.path("text").isTextual()) {
                bad++;
                ObjectNode error = JSON.createObjectNode();
                error.put("error", "line " + number + ": not a JSON object with a text string");
                out.println(JSON.writeValueAsString(error));
                continue;
            }
            ObjectNode object = (ObjectNode) node;
            String text = object.get("text").asText();
            RedactedText result = engine.redact(text);
            object.put("redacted", result.text());
            object.set("entities", entities(text, result.entities(), explain));
            out.println(JSON.writeValueAsString(object));
        }
        if (bad > 0) {
            System.err.println("pipeline: " + bad + " input line(s) were not JSON objects with a text string");
            return 1;
        }
        return 0;
    }

    private static ArrayNode entities(String text, List<Entity> entities, boolean explain) {
        ArrayNode array = JSON.createArrayNode();
        for (Entity entity : entities) {
            ObjectNode node = array.addObject();
            node.put("type", entity.type());
            node.put("start", CodePoints.toCodePoint(text, entity.start()));
            node.put("end", CodePoints.toCodePoint(text, entity.end()));
            node.put("score", Math.round(entity.score() * 1000) / 1000.0);
            if (explain) {
                node.put("recognizer", entity.recognizer());
                ArrayNode context = node.putArray("context");
                entity.context().forEach(context::add);
            }
        }
        return array;
    }

    private int evaluate(RedactionEngine engine, PrintStream out) throws IOException {
        List<LabelledText> labelled = new ArrayList<>();
        try (BufferedReader reader = Files.newBufferedReader(evaluate, StandardCharsets.UTF_8)) {
            long number = 0;
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                number++;
                if (line.isBlank()) {
                    continue;
                }
                try {
                    labelled.add(JSON.readValue(line, LabelledText.class));
                } catch (IOException e) {
                    throw new IllegalArgumentException(evaluate + " line " + number + " is not a labelled text");
                }
            }
        }
        Evaluation evaluation = Evaluation.of(engine, labelled);
        if (common.json()) {
            out.println(JSON.writeValueAsString(evaluation));
        } else {
            out.print(evaluation.report());
        }
        return 0;
    }
}
