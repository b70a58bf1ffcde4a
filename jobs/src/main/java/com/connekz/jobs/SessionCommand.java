package com.connekz.jobs;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code pipeline session}: answers many questions about the lake in one JVM and one SparkSession.
 * A notebook asks several in a row, and each {@code bin/pipeline} call spends most of its 15-25 s
 * starting Java, Spark and Delta; in a session only the first pays that.
 *
 * <p>Reads one command a line from standard input, as a JSON array of its arguments
 * ({@code ["runs", "--last", "3", "--json"]}); runs it as {@code bin/pipeline} would; prints one JSON
 * line for it: {@code {"exit": status, "stdout": "...", "stderr": "..."}} (stderr holds the
 * command's own messages, not Spark's log). Questions only are taken ({@link #TAKEN}: nothing that
 * writes the lake); any other command, a line that is not an array of strings, or a command whose
 * configuration asks for other Spark settings than the session's first command, is answered with
 * status 2 and the reason. Ends at the end of its input, and stops Spark.
 *
 * <p>The options the session itself is given ({@code --conf}, {@code --landing}, {@code --lake},
 * {@code --set}, {@code --json}) go to every command that does not give its own.
 */
@Command(name = "session", mixinStandardHelpOptions = true,
        description = "Answers read-only commands given one a line on stdin (JSON arrays of arguments) in one JVM.")
final class SessionCommand implements Callable<Integer> {
    /** The commands a session runs: they read the lake and never change it. */
    static final Set<String> TAKEN = Set.of("runs", "deletions", "datasets", "audit");

    private static final ObjectMapper JSON = new ObjectMapper();

    @Mixin
    CommonOptions common;

    @Spec
    CommandSpec spec;

    /** One command's outcome, as the session prints it. */
    record Answer(int exit, String stdout, String stderr) {}

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        List<List<String>> options = sessionOptions();
        RunSupport.keepSpark(true);
        try {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (!line.isBlank()) {
                    out.println(JSON.writeValueAsString(answer(line, options)));
                    out.flush();
                }
            }
        } finally {
            RunSupport.keepSpark(false);
        }
        return 0;
    }

    /** The session's own options, as arguments, each with its value. */
    private List<List<String>> sessionOptions() {
        ParseResult given = spec.commandLine().getParseResult();
        List<List<String>> options = new ArrayList<>();
        for (String name : List.of("--conf", "--landing", "--lake")) {
            if (given.hasMatchedOption(name)) {
                options.add(List.of(name, given.matchedOptionValue(name, (Object) null).toString()));
            }
        }
        common.overrides.forEach((key, value) -> options.add(List.of("--set", key + "=" + value)));
        if (common.json()) {
            options.add(List.of("--json"));
        }
        return options;
    }

    /**
     * The answer to one line.
     *
     * @param sessionOptions options given to the session, each added unless the line gives it ({@code --set} always)
     */
    static Answer answer(String line, List<List<String>> sessionOptions) {
        List<String> args;
        try {
            args = JSON.readValue(line, new TypeReference<List<String>>() {});
        } catch (JsonProcessingException e) {
            args = null;
        }
        if (args == null || args.contains(null)) {
            return refused("a session takes one command a line, as a JSON array of strings");
        }
        args = new ArrayList<>(args);
        if (args.isEmpty() || !TAKEN.contains(args.get(0))) {
            return refused("a session runs " + String.join(", ", TAKEN.stream().sorted().toList())
                    + "; run other commands on their own");
        }
        for (List<String> option : sessionOptions) {
            String name = option.get(0);
            if (name.equals("--set") || args.stream().noneMatch(arg -> arg.equals(name) || arg.startsWith(name + "="))) {
                args.addAll(option);
            }
        }
        StringWriter stdout = new StringWriter();
        StringWriter stderr = new StringWriter();
        int exit = PipelineCommand.execute(new PrintWriter(stdout, true), new PrintWriter(stderr, true), args.toArray(String[]::new));
        return new Answer(exit, stdout.toString(), stderr.toString());
    }

    private static Answer refused(String reason) {
        return new Answer(2, "", "pipeline: " + reason + "\n");
    }
}
