package com.connekz.pipeline.redact.spark;

import com.connekz.pipeline.config.HashKey;
import com.connekz.pipeline.redact.RedactionEngine;
import com.connekz.pipeline.redact.RedactionPolicy;
import java.io.Serializable;
import java.util.Arrays;

/**
 * What an executor needs to build the engine: the policy and the hashing key. Shipped with the
 * task; the engine itself is built once per executor JVM by {@link #engine()}.
 */
final class EngineSpec implements Serializable {
    private static final long serialVersionUID = 1L;
    private static EngineSpec builtFor;
    private static RedactionEngine built;

    private final RedactionPolicy policy;
    private final byte[] key;
    private final boolean developmentKey;

    EngineSpec(RedactionPolicy policy, HashKey key) {
        this.policy = policy;
        this.key = key.bytes().clone();
        this.developmentKey = key.development();
    }

    /** The engine of this spec, built on first use in this JVM and shared by all its tasks. */
    RedactionEngine engine() {
        synchronized (EngineSpec.class) {
            if (built == null || !sameAs(builtFor)) {
                built = RedactionEngine.of(policy, new HashKey(key, developmentKey));
                builtFor = this;
            }
            return built;
        }
    }

    String policyVersion() {
        return policy.version();
    }

    private boolean sameAs(EngineSpec other) {
        return other != null && policy.equals(other.policy) && Arrays.equals(key, other.key);
    }
}
