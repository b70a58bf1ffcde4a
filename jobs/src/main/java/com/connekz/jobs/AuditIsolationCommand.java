package com.connekz.jobs;

import com.connekz.pipeline.audit.IsolationAudit;
import com.connekz.pipeline.audit.IsolationVerdict;
import com.connekz.pipeline.config.PipelineConfig;
import com.connekz.pipeline.lake.Lake;
import com.connekz.pipeline.spark.Sparks;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "isolation", mixinStandardHelpOptions = true,
        description = "Prove that no instance's data is anywhere but its own dataset, in every retained version; exit 1 on a violation.")
final class AuditIsolationCommand implements Callable<Integer> {
    @Mixin
    CommonOptions common;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PipelineConfig config = common.config();
        SparkSession spark = Sparks.session(config, System.getenv());
        try {
            IsolationVerdict verdict = new IsolationAudit(spark, new Lake(config.lake())).run();
            PrintWriter out = spec.commandLine().getOut();
            if (common.json()) {
                out.println(new ObjectMapper().writeValueAsString(verdict));
            } else {
                verdict.lines().forEach(out::println);
            }
            out.flush();
            return verdict.passed() ? 0 : 1;
        } finally {
            spark.stop();
        }
    }
}
