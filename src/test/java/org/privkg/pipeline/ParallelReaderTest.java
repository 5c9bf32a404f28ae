package org.privkg.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ParallelReaderTest {
    private static List<PolicySource> sources(int n) {
        List<PolicySource> out = new ArrayList<>();
        for (int i = 0; i < n; i++) out.add(new PolicySource("p" + i, "p" + i, new byte[0]));
        return out;
    }

    @Test
    void resultsComeInInputOrderWhateverOrderWorkersFinish() {
        List<String> seen = new ArrayList<>();
        ParallelReader.forEach(sources(200), 4, () -> src -> {
            try {
                Thread.sleep(ThreadLocalRandom.current().nextInt(3));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return src.id();
        }, seen::add);
        assertEquals(200, seen.size());
        for (int i = 0; i < 200; i++) assertEquals("p" + i, seen.get(i));
    }

    @Test
    void workAheadIsBounded() {
        AtomicInteger started = new AtomicInteger();
        int[] maxAhead = {0};
        int[] consumed = {0};
        ParallelReader.forEach(sources(500), 2, () -> src -> {
            started.incrementAndGet();
            return src;
        }, s -> {
            consumed[0]++;
            maxAhead[0] = Math.max(maxAhead[0], started.get() - consumed[0]);
        });
        assertTrue(maxAhead[0] <= 8, "read ahead at most the window: " + maxAhead[0]);
    }

    @Test
    void oneWorkerPerThreadState() {
        AtomicInteger made = new AtomicInteger();
        ParallelReader.forEach(sources(100), 3, () -> {
            made.incrementAndGet();
            return src -> src;
        }, s -> { });
        assertTrue(made.get() <= 3, "work functions made: " + made.get());
    }

    @Test
    void aFailingConsumerStopsTheRun() {
        assertThrows(IllegalStateException.class, () -> ParallelReader.forEach(sources(100), 2, () -> src -> src, s -> {
            if (s.id().equals("p10")) throw new IllegalStateException("stop");
        }));
    }
}
