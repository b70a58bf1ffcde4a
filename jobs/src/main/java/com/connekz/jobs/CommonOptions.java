package com.connekz.jobs;

import com.connekz.pipeline.config.ConfigLoader;
import com.connekz.pipeline.config.PipelineConfig;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Option;

/** The options every command takes (contract section 3), and the configuration they resolve to. */
public final class CommonOptions {
    @Option(names = "--conf", description = "configuration file (default: ${DEFAULT-VALUE})",
            defaultValue = "conf/pipeline.yaml")
    Path conf;

    @Option(names = "--landing", description = "landing zone root: a local path or an s3a:// URI")
    String landing;

    @Option(names = "--lake", description = "lake root: a local path or an s3a:// URI")
    String lake;

    @Option(names = "--set", description = "override one configuration key, e.g. deletion.retention_hours=0")
    Map<String, String> overrides = new LinkedHashMap<>();

    @Option(names = "--json", description = "print the result as JSON (last line)")
    boolean json;

    public PipelineConfig config() {
        Map<String, String> all = new LinkedHashMap<>(overrides);
        if (landing != null) {
            all.put("landing", landing);
        }
        if (lake != null) {
            all.put("lake", lake);
        }
        return ConfigLoader.load(conf, all);
    }

    public boolean json() {
        return json;
    }
}
