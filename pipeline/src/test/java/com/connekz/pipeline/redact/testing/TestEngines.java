package com.connekz.pipeline.redact.testing;

import com.connekz.pipeline.config.HashKey;
import com.connekz.pipeline.redact.RedactionEngine;
import com.connekz.pipeline.redact.RedactionPolicy;
import java.nio.charset.StandardCharsets;

/** The engine of the shipped policy under a test key, shared by the tests of one JVM. */
public final class TestEngines {
    public static final HashKey KEY = new HashKey("test-key".getBytes(StandardCharsets.UTF_8), true);
    public static final RedactionEngine SHIPPED = RedactionEngine.of(RedactionPolicy.shipped(), KEY);

    private TestEngines() {}
}
