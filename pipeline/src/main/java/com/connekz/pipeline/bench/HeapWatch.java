package com.connekz.pipeline.bench;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;

/**
 * The driver's heap over a span of time, three ways. The peak is the sum of each heap pool's own
 * peak: an upper bound set mostly by how far the young generation grew between collections. The
 * retained figure is the most heap still in use right after any collection: it leaves out the
 * garbage a collection frees. The driver's own figure is the same less what Spark's memory manager
 * holds on the heap at that moment (cached blocks and execution pages): in local mode the executor
 * lives in the driver's JVM, and its memory is bounded by Spark's settings, not by the driver's code,
 * so this is what grows when a data-sized result stays on the driver.
 */
final class HeapWatch {
    private static final Set<String> HEAP_POOLS = ManagementFactory.getMemoryPoolMXBeans().stream()
            .filter(pool -> pool.getType() == MemoryType.HEAP)
            .map(MemoryPoolMXBean::getName)
            .collect(Collectors.toUnmodifiableSet());
    private static final AtomicLong MOST_RETAINED = new AtomicLong();
    private static final AtomicLong MOST_DRIVER_OWN = new AtomicLong();

    static {
        for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
            if (collector instanceof NotificationEmitter emitter) {
                emitter.addNotificationListener((notification, handback) -> afterCollection(notification), null, null);
            }
        }
    }

    private HeapWatch() {}

    /** Starts a span: collects garbage, then forgets the peaks and retained sizes seen so far. */
    static void reset() {
        System.gc();
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                pool.resetPeakUsage();
            }
        }
        long inUse = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        MOST_RETAINED.set(inUse);
        MOST_DRIVER_OWN.set(Math.max(0, inUse - SparkManagedMemory.onHeapInUse()));
    }

    /** The sum of the heap pools' peaks since {@link #reset()}. */
    static long peak() {
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        return peak;
    }

    /** The most heap in use right after a collection since {@link #reset()}. */
    static long retained() {
        return MOST_RETAINED.get();
    }

    /** The most heap in use right after a collection, less Spark's managed memory then, since {@link #reset()}. */
    static long driverOwn() {
        return MOST_DRIVER_OWN.get();
    }

    /** Takes in one collection's outcome: the heap still in use after it, and how much of that Spark's memory manager held. */
    static void collected(long inUse, long sparkManaged) {
        MOST_RETAINED.accumulateAndGet(inUse, Math::max);
        MOST_DRIVER_OWN.accumulateAndGet(Math.max(0, inUse - sparkManaged), Math::max);
    }

    private static void afterCollection(Notification notification) {
        if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
            return;
        }
        Map<String, MemoryUsage> after = GarbageCollectionNotificationInfo
                .from((CompositeData) notification.getUserData()).getGcInfo().getMemoryUsageAfterGc();
        long inUse = after.entrySet().stream().filter(pool -> HEAP_POOLS.contains(pool.getKey()))
                .mapToLong(pool -> pool.getValue().getUsed()).sum();
        collected(inUse, SparkManagedMemory.onHeapInUse());
    }
}
