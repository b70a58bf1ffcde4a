package com.connekz.pipeline.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {
    @TempDir
    Path dir;

    @Test
    void theShippedConfigurationIsValidAndLocal() {
        PipelineConfig config = ConfigLoader.load(Path.of("../conf/pipeline.yaml"), Map.of());

        assertThat(config.spark().master()).isEqualTo("local[*]");
        assertThat(config.deletion().retentionHours()).isEqualTo(168);
        assertThat(Path.of(config.lake())).isAbsolute();
        assertThat(config.lakeOnObjectStore()).isFalse();
    }

    @Test
    void setOverridesAKeyKeepingItsType() throws IOException {
        PipelineConfig config = ConfigLoader.load(file("deletion:\n  retention_hours: 168\n"),
                Map.of("deletion.retention_hours", "0", "s3.path_style_access", "true", "lake", "s3a://bucket/lake"));

        assertThat(config.deletion().retentionHours()).isZero();
        assertThat(config.s3().pathStyleAccess()).isTrue();
        assertThat(config.lake()).isEqualTo("s3a://bucket/lake");
        assertThat(config.lakeOnObjectStore()).isTrue();
    }

    @Test
    void anUnknownKeyIsNamed() throws IOException {
        assertThatThrownBy(() -> ConfigLoader.load(file("deletion:\n  retention_days: 7\n"), Map.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("deletion.retention_days")
                .hasMessageContaining("unknown key");
    }

    @Test
    void aValueOfTheWrongTypeIsNamed() throws IOException {
        assertThatThrownBy(() -> ConfigLoader.load(file(""), Map.of("deletion.retention_hours", "a week")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("deletion.retention_hours");
    }

    @Test
    void ruleViolationsNameTheKeyAndTheReason() throws IOException {
        assertThatThrownBy(() -> ConfigLoader.load(file(""), Map.of("deletion.retention_hours", "-1")))
                .hasMessage("invalid configuration: deletion.retention_hours: must not be negative");
        assertThatThrownBy(() -> ConfigLoader.load(file(""), Map.of("lake", "hdfs://nn/lake")))
                .hasMessageContaining("lake: must be a local path or an s3a:// URI");
        assertThatThrownBy(() -> ConfigLoader.load(file(""), Map.of("lineage.transport", "http")))
                .hasMessageContaining("lineage.url");
        assertThatThrownBy(() -> ConfigLoader.load(file(""), Map.of("airflow.url", "not a url")))
                .hasMessageContaining("airflow.url");
    }

    @Test
    void brokenYamlAndAMissingFileAreReported() throws IOException {
        assertThatThrownBy(() -> ConfigLoader.load(file("lake: [unclosed\n"), Map.of()))
                .isInstanceOf(ConfigException.class).hasMessageContaining("not valid YAML");
        assertThatThrownBy(() -> ConfigLoader.load(dir.resolve("absent.yaml"), Map.of()))
                .isInstanceOf(ConfigException.class).hasMessageContaining("not found");
    }

    @Test
    void theHashingKeyComesFromTheEnvironmentAndAnObjectStoreLakeRefusesTheDevelopmentKey() throws IOException {
        PipelineConfig local = ConfigLoader.load(file(""), Map.of());
        PipelineConfig onS3 = ConfigLoader.load(file(""), Map.of("lake", "s3a://bucket/lake"));

        assertThat(HashKey.resolve(local, Map.of()).development()).isTrue();
        assertThat(HashKey.resolve(onS3, Map.of("PIPELINE_HASH_KEY", "secret")).development()).isFalse();
        assertThatThrownBy(() -> HashKey.resolve(onS3, Map.of()))
                .isInstanceOf(ConfigException.class).hasMessageContaining("PIPELINE_HASH_KEY");
    }

    private Path file(String yaml) throws IOException {
        Path file = dir.resolve("pipeline.yaml");
        Files.writeString(file, yaml);
        return file;
    }
}
