package com.connekz.pipeline.bench;

import com.sun.management.GarbageCollectionNotificationInfo;
import com.sun.management.GarbageCollectorMXBean;
import com.sun.management.GcInfo;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
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
 *
 * <p>Collections are taken in two ways: notifications catch every collection during the span, but
 * the JVM delivers them on a thread of its own, late when the machine is busy; so each reading first
 * takes in the last collection of every collector, which the JVM records before a collection returns.
 */
final class HeapWatch {
    private static final Set<String> HEAP_POOLS = ManagementFactory.getMemoryPoolMXBeans().stream()
            .filter(pool -> pool.getType() == MemoryType.HEAP)
            .map(MemoryPoolMXBean::getName)
            .collect(Collectors.toUnmodifiableSet());
    private static final AtomicLong MOST_RETAINED = new AtomicLong();
    private static final AtomicLong MOST_DRIVER_OWN = new AtomicLong();
    private static final List<GarbageCollectorMXBean> COLLECTORS =
            ManagementFactory.getPlatformMXBeans(GarbageCollectorMXBean.class);
    private static final AtomicLong EXPLICIT_COLLECTIONS = new AtomicLong();
    private static final String EXPLICIT_CAUSE = "System.gc()";
    /** Heap in use right after the last collection {@code System.gc()} caused, as the JVM reported it. */
    private static volatile long inUseAfterExplicit = -1;
    /** Per collector, the id of its last collection before the span: collections up to it are not the span's. */
    private static final Map<String, Long> LAST_ID_BEFORE_SPAN = new ConcurrentHashMap<>();

    static {
        for (GarbageCollectorMXBean collector : COLLECTORS) {
            if (collector instanceof NotificationEmitter emitter) {
                emitter.addNotificationListener((notification, handback) -> afterCollection(notification), null, null);
            }
        }
    }

    private HeapWatch() {}

    /** Starts a span: collects garbage, then forgets the peaks and retained sizes seen so far. */
    static void reset() {
        boolean collected = collectGarbage();
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                pool.resetPeakUsage();
            }
        }
        for (GarbageCollectorMXBean collector : COLLECTORS) {
            GcInfo last = collector.getLastGcInfo();
            LAST_ID_BEFORE_SPAN.put(collector.getName(), last == null ? 0 : last.getId());
        }
        // What other threads allocated since the collection is not the span's to keep.
        long inUse = collected ? inUseAfterExplicit : ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        MOST_RETAINED.set(inUse);
        MOST_DRIVER_OWN.set(Math.max(0, inUse - SparkManagedMemory.onHeapInUse()));
    }

    /**
     * Collects garbage and returns once the JVM has reported that collection. {@code System.gc()}
     * returns without collecting while another thread is inside a JNI critical region (inflating a
     * class from a jar, compressing), which left the span's starting figure full of garbage; so it
     * is asked again, up to five times, until a collection it caused is reported. Returns whether
     * one was.
     */
    static boolean collectGarbage() {
        for (int attempt = 0; attempt < 5; attempt++) {
            long reported = EXPLICIT_COLLECTIONS.get();
            System.gc();
            if (reportedAfter(reported)) {
                return true;
            }
        }
        return false;
    }

    private static boolean reportedAfter(long reported) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(1);
        while (EXPLICIT_COLLECTIONS.get() == reported && System.nanoTime() < deadline) {
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(5));
        }
        return EXPLICIT_COLLECTIONS.get() != reported;
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
        takeInLastCollections();
        return MOST_RETAINED.get();
    }

    /** The most heap in use right after a collection, less Spark's managed memory then, since {@link #reset()}. */
    static long driverOwn() {
        takeInLastCollections();
        return MOST_DRIVER_OWN.get();
    }

    /** Takes in one collection's outcome: the heap still in use after it, and how much of that Spark's memory manager held. */
    static void collected(long inUse, long sparkManaged) {
        MOST_RETAINED.accumulateAndGet(inUse, Math::max);
        MOST_DRIVER_OWN.accumulateAndGet(Math.max(0, inUse - sparkManaged), Math::max);
    }

    private static void afterCollection(Notification notification) {
        if (GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
            GarbageCollectionNotificationInfo info = GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData());
            collected(info.getGcName(), info.getGcInfo());
            if (EXPLICIT_CAUSE.equals(info.getGcCause())) {
                inUseAfterExplicit = heapInUseAfter(info.getGcInfo());
                EXPLICIT_COLLECTIONS.incrementAndGet();
            }
        }
    }

    private static void takeInLastCollections() {
        for (GarbageCollectorMXBean collector : COLLECTORS) {
            collected(collector.getName(), collector.getLastGcInfo());
        }
    }

    /** Takes in one collection unless it happened before the span; seeing it twice changes nothing, as only the most counts. */
    private static void collected(String collector, GcInfo collection) {
        if (collection == null || collection.getId() <= LAST_ID_BEFORE_SPAN.getOrDefault(collector, 0L)) {
            return;
        }
        collected(heapInUseAfter(collection), SparkManagedMemory.onHeapInUse());
    }

    private static long heapInUseAfter(GcInfo collection) {
        return collection.getMemoryUsageAfterGc().entrySet().stream()
                .filter(pool -> HEAP_POOLS.contains(pool.getKey()))
                .mapToLong(pool -> pool.getValue().getUsed()).sum();
    }
}
