package org.privkg.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Locale;
import org.privkg.store.PolicyStore;
import org.privkg.view.CorpusFigures;

/**
 * How long the dashboard's figures take to compute, with no cache in front: {@link CorpusFigures#read} over
 * an existing store, in a fresh JVM (run 1 is the cold one a server meets after start or a write; the later
 * runs show the same work warmed up). Prints the figures' digest too, so that two builds measured on the same
 * store can be seen to give the same figures.
 * <p>
 * Usage: {@code DashboardBench --db DIR [--runs N]}. Prints {@code dashboard-figures run=K seconds=S cpu-seconds=C}
 * (wall time, and the computing thread's CPU time) per run
 * and one {@code dashboard-figures digest=HEX policies=N practices=N} line.
 */
public final class DashboardBench {
    private DashboardBench() {
    }

    public static void main(String[] args) throws Exception {
        Path db = null;
        int runs = 3;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--db" -> db = Path.of(args[++i]);
                case "--runs" -> runs = Integer.parseInt(args[++i]);
                default -> {
                    System.err.println("DashboardBench: unknown option " + args[i] + "; usage: DashboardBench --db DIR [--runs N]");
                    System.exit(2);
                }
            }
        }
        if (db == null || runs < 1) {
            System.err.println("DashboardBench: usage: DashboardBench --db DIR [--runs N]");
            System.exit(2);
        }
        CorpusFigures figures = null;
        // the figures are computed in this one thread: its CPU time is what the wall time would be on an idle
        // machine (less the JIT compiling in other threads), and tells the computation apart from waiting for a core
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        try (PolicyStore store = PolicyStore.openExisting(db, null)) {
            for (int run = 1; run <= runs; run++) {
                long start = System.nanoTime();
                long cpuStart = threads.getCurrentThreadCpuTime();
                figures = CorpusFigures.read(store.dataset());
                double seconds = (System.nanoTime() - start) / 1e9;
                double cpu = (threads.getCurrentThreadCpuTime() - cpuStart) / 1e9;
                System.out.printf(Locale.ROOT, "dashboard-figures run=%d seconds=%.3f cpu-seconds=%.3f%n", run, seconds, cpu);
            }
        }
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(figures.toString().getBytes(StandardCharsets.UTF_8));
        System.out.printf(Locale.ROOT, "dashboard-figures digest=%s policies=%d practices=%d%n",
                HexFormat.of().formatHex(digest, 0, 8), figures.counts().get("policies"), figures.counts().get("practices"));
    }
}
