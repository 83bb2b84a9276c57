package io.certguard.bench;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;

/**
 * Peak heap of this JVM, two ways. From GC notifications: the heap in use just before each collection (the most it
 * held, garbage included, at the moments it was fullest) and just after (what was still live). And from the heap
 * pools' own peak counters, summed: an upper bound, since the pools need not peak at the same moment.
 */
final class HeapWatch {

    private final AtomicLong peakBeforeGc = new AtomicLong();
    private final AtomicLong peakAfterGc = new AtomicLong();
    private final AtomicLong collections = new AtomicLong();

    private HeapWatch() {
    }

    static HeapWatch start() {
        HeapWatch watch = new HeapWatch();
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            if (gc instanceof NotificationEmitter emitter) {
                emitter.addNotificationListener((notification, handback) -> {
                    if (GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
                        watch.record(GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData()));
                    }
                }, null, null);
            }
        }
        return watch;
    }

    private void record(GarbageCollectionNotificationInfo info) {
        collections.incrementAndGet();
        peakBeforeGc.accumulateAndGet(heapUsed(info.getGcInfo().getMemoryUsageBeforeGc()), Math::max);
        peakAfterGc.accumulateAndGet(heapUsed(info.getGcInfo().getMemoryUsageAfterGc()), Math::max);
    }

    /** Only heap pools: the notification also lists metaspace and the code cache. */
    private static long heapUsed(Map<String, MemoryUsage> byPool) {
        long used = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            MemoryUsage usage = byPool.get(pool.getName());
            if (pool.getType() == MemoryType.HEAP && usage != null) {
                used += usage.getUsed();
            }
        }
        return used;
    }

    /** The figures so far; the current use counts as a "before GC" sample, since no collection may have run yet. */
    Snapshot snapshot() {
        long current = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        long poolPeaks = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == MemoryType.HEAP).mapToLong(p -> p.getPeakUsage().getUsed()).sum();
        long max = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getMax();
        return new Snapshot(Math.max(peakBeforeGc.get(), current), peakAfterGc.get(), poolPeaks, max,
                collections.get());
    }

    /** Bytes. */
    record Snapshot(long peakUsed, long peakLiveAfterGc, long sumOfPoolPeaks, long maxHeap, long collections) {
    }
}
