package com.connekz.pipeline.lake;

import com.connekz.pipeline.config.Locations;
import com.connekz.pipeline.ingest.Source;

/** The table paths of contract section 4 under one lake root (a local folder or an s3a:// URI). */
public record Lake(String root) {

    public String bronze(Source source) {
        return path("bronze", source.folder());
    }

    public String silver(Source source) {
        return path("silver", source.folder());
    }

    public String quarantine() {
        return path("quarantine");
    }

    /** A gold dataset by its NAME: {@code assistant} or {@code instances/<instance_id>}. */
    public String gold(String datasetName) {
        return path("gold", datasetName);
    }

    public String system(String table) {
        return path("_system", table);
    }

    public String runs() {
        return system("runs");
    }

    public String ingestedFiles() {
        return system("ingested_files");
    }

    public String path(String... parts) {
        return Locations.join(root, parts);
    }
}
