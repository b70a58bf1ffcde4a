package com.connekz.jobs;

import com.connekz.pipeline.datasets.DatasetExporter;
import com.connekz.pipeline.datasets.DatasetSummary;
import com.connekz.pipeline.datasets.DatasetVersion;
import com.connekz.pipeline.datasets.Datasets;
import com.connekz.pipeline.datasets.ExportManifest;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code datasets list | show NAME | export NAME}: the gold datasets, their versions, and pinned exports. */
@Command(name = "datasets", mixinStandardHelpOptions = true,
        description = "Gold training datasets: list, show a version, export a pinned version with a manifest.",
        subcommands = {DatasetsCommand.List.class, DatasetsCommand.Show.class, DatasetsCommand.Export.class,
            DatasetsDiffCommand.class})
final class DatasetsCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Opens the lake's catalog, runs one query on it, and stops Spark (unless a session keeps it). */
    abstract static class Query implements Callable<Integer> {
        @Mixin
        CommonOptions common;

        @Spec
        CommandSpec spec;

        <T> T withDatasets(String command, Function<Datasets, T> query) {
            return RunSupport.ask(common, "datasets " + command, context -> query.apply(new Datasets(context.spark(), context.lake())));
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "Every dataset with its versions and latest counts.")
    static final class List extends Query {
        @Override
        public Integer call() {
            java.util.List<DatasetSummary> all = withDatasets("list", Datasets::list);
            StringBuilder text = new StringBuilder();
            if (all.isEmpty()) {
                text.append("no datasets\n");
            }
            for (DatasetSummary summary : all) {
                text.append(DatasetText.version(summary.latest()));
                text.append("  versions: ").append(summary.versions().stream()
                        .map(v -> String.valueOf(v.version())).toList()).append('\n');
            }
            Printer.print(spec.commandLine().getOut(), common.json(), all, text.toString());
            return 0;
        }
    }

    @Command(name = "show", mixinStandardHelpOptions = true, description = "One version of a dataset (default: latest).")
    static final class Show extends Query {
        @Parameters(index = "0", paramLabel = "NAME", description = "assistant or instances/<instance_id>")
        String name;

        @Option(names = "--version", description = "the version (default: latest)")
        Long version;

        @Override
        public Integer call() {
            DatasetVersion shown = withDatasets("show", d -> d.show(name, Optional.ofNullable(version)));
            Printer.print(spec.commandLine().getOut(), common.json(), shown, DatasetText.version(shown));
            return 0;
        }
    }

    @Command(name = "export", mixinStandardHelpOptions = true,
            description = "Export a pinned version as JSONL or Parquet shards plus manifest.json.")
    static final class Export extends Query {
        @Parameters(index = "0", paramLabel = "NAME", description = "assistant or instances/<instance_id>")
        String name;

        @Option(names = "--version", description = "the version (default: latest)")
        Long version;

        @Option(names = "--format", required = true, description = "jsonl or parquet")
        String format;

        @Option(names = "--out", required = true, description = "output folder (must not hold an export yet)")
        String out;

        @Override
        public Integer call() {
            DatasetExporter.Format parsed = DatasetExporter.Format.parse(format);
            ExportManifest manifest = withDatasets("export", d -> new DatasetExporter(d.spark(), d)
                    .export(name, Optional.ofNullable(version), parsed, out));
            String text = "exported " + manifest.dataset() + " version " + manifest.version() + ": " + manifest.rows()
                    + " examples in " + manifest.files().size() + " " + manifest.format() + " files to " + out
                    + "\n  manifest: " + out + "/" + DatasetExporter.MANIFEST + "\n";
            Printer.print(spec.commandLine().getOut(), common.json(), manifest, text);
            return 0;
        }
    }
}
