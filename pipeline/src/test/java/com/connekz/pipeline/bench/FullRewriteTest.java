package com.connekz.pipeline.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FullRewriteTest {
    @TempDir
    Path lake;

    @Test
    void rewritesEveryBronzeSilverAndGoldTableButNotTheSystemOnes() throws Exception {
        for (String table : new String[] {"bronze/chats", "silver/chats", "gold/assistant", "gold/instances/dev-1",
            "_system/runs", "quarantine"}) {
            Files.createDirectories(lake.resolve(table).resolve("_delta_log"));
        }
        Files.createDirectories(lake.resolve("gold/instances/not-a-table"));

        assertThat(FullRewrite.tables(lake)).containsExactly(lake.resolve("bronze/chats"), lake.resolve("gold/assistant"),
                lake.resolve("gold/instances/dev-1"), lake.resolve("silver/chats"));
    }
}
