package com.connekz.jobs;

import com.connekz.pipeline.config.ConfigException;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code bin/pipeline}: the one entry point, locally and under spark-submit. */
@Command(name = "pipeline", mixinStandardHelpOptions = true,
        description = "Connekz training-data pipeline",
        subcommands = {
            CommandLine.HelpCommand.class,
            NightlyCommand.class,
            IngestCommand.class,
            DeleteCommand.class,
            GovernCommand.class,
            BuildCommand.class,
            AuditCommand.class,
            DatasetsCommand.class,
            GenerateCommand.class,
            RedactCommand.class,
            BenchCommand.class,
            LaunchTrainingCommand.class,
            TrainNerCommand.class,
            RunsCommand.class,
            DeletionsCommand.class,
            SessionCommand.class,
        })
public final class PipelineCommand implements Runnable {

    public static void main(String[] args) {
        System.exit(execute(args));
    }

    /** Runs a command line and returns its exit status; failures print one line naming the reason. */
    public static int execute(String... args) {
        return commandLine().execute(args);
    }

    /** As {@link #execute(String...)}, printing to {@code out} and {@code err} instead of stdout and stderr. */
    static int execute(PrintWriter out, PrintWriter err, String... args) {
        CommandLine commandLine = commandLine();
        commandLine.setOut(out);
        commandLine.setErr(err);
        return commandLine.execute(args);
    }

    private static CommandLine commandLine() {
        CommandLine commandLine = new CommandLine(new PipelineCommand());
        commandLine.setExecutionExceptionHandler((ex, cmd, parsed) -> {
            cmd.getErr().println("pipeline: " + oneLine(ex));
            return ex instanceof ConfigException ? 2 : 1;
        });
        return commandLine;
    }

    static String oneLine(Throwable error) {
        String message = error.getMessage() == null ? error.getClass().getSimpleName() : error.getMessage();
        return message.lines().findFirst().orElse(message);
    }

    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }
}
