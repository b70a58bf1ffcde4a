package com.connekz.pipeline.lineage;

import com.connekz.pipeline.config.ConfigException;
import com.connekz.pipeline.config.PipelineConfig.LineageSettings;
import com.connekz.pipeline.run.RunContext;
import io.openlineage.client.transports.HttpConfig;
import io.openlineage.client.transports.HttpTransport;
import io.openlineage.client.transports.NoopTransport;
import io.openlineage.client.transports.Transport;
import java.net.URI;

/** The OpenLineage transport the {@code lineage} section of the configuration asks for. */
public final class LineageTransports {
    static final int HTTP_TIMEOUT_MILLIS = 5_000;

    private LineageTransports() {}

    /**
     * {@code file} (default): one file per event under the lake; {@code http}: POST to a
     * Marquez-compatible {@code url} (its {@code /api/v1/lineage} unless the url has a path);
     * {@code none}: nothing. Throws {@link ConfigException} for any other value or an http
     * transport without a url, before any stage runs.
     */
    public static Transport from(RunContext context) {
        LineageSettings settings = context.config().lineage();
        return switch (settings.transport()) {
            case "file" -> new LakeFileTransport(context.config().lake(),
                    context.spark().sparkContext().hadoopConfiguration());
            case "http" -> http(settings.url());
            case "none" -> new NoopTransport();
            default -> throw ConfigException.invalid("lineage.transport",
                    "expected file, http or none, got " + settings.transport());
        };
    }

    private static Transport http(String url) {
        if (url == null || url.isBlank()) {
            throw ConfigException.invalid("lineage.url", "required when lineage.transport is http");
        }
        HttpConfig config = new HttpConfig();
        config.setUrl(URI.create(url));
        config.setTimeoutInMillis(HTTP_TIMEOUT_MILLIS);
        return new HttpTransport(config);
    }
}
