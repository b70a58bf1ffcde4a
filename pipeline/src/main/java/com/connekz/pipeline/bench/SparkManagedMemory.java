package com.connekz.pipeline.bench;

import org.apache.spark.SparkEnv;
import org.apache.spark.memory.MemoryManager;

/** What this JVM's Spark memory manager holds on the heap: cached blocks and execution pages. */
final class SparkManagedMemory {
    private SparkManagedMemory() {}

    /** Bytes of storage and execution memory in use on the heap; 0 when no Spark runs in this JVM. */
    static long onHeapInUse() {
        SparkEnv env = SparkEnv.get();
        if (env == null) {
            return 0;
        }
        MemoryManager memory = env.memoryManager();
        return memory.onHeapStorageMemoryUsed() + memory.onHeapExecutionMemoryUsed();
    }
}
