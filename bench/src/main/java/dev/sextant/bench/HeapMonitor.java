package dev.sextant.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The most heap in use since start, sampled every {@value #INTERVAL_MS} ms by a daemon thread. "In use" is
 * what the JVM reports as used heap, garbage not yet collected included, so it depends on the collector and
 * on {@code -Xmx}; compare runs made with the same JVM settings.
 */
public final class HeapMonitor implements AutoCloseable {

    private static final long INTERVAL_MS = 10;

    private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    private final AtomicLong peak = new AtomicLong();
    private final Thread sampler;

    public HeapMonitor() {
        sample();
        sampler = Thread.ofPlatform().daemon().name("heap-monitor").start(() -> {
            try {
                while (!Thread.currentThread().isInterrupted()) {
                    sample();
                    Thread.sleep(INTERVAL_MS);
                }
            } catch (InterruptedException e) {
                // closing
            }
        });
    }

    private void sample() {
        peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
    }

    public double peakMb() {
        sample();
        return peak.get() / (1024.0 * 1024.0);
    }

    @Override
    public void close() {
        sampler.interrupt();
    }
}
