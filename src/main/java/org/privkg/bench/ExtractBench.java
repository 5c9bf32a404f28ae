package org.privkg.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.apache.jena.riot.system.StreamRDFBase;
import org.apache.jena.sparql.core.Quad;
import org.privkg.pipeline.ParallelReader;
import org.privkg.pipeline.PolicyReader;
import org.privkg.pipeline.PolicySource;
import org.privkg.rdf.Iris;
import org.privkg.rdf.PolicyGraphWriter;

/**
 * Extraction throughput for every *.txt under a directory, with the files already in memory, so that
 * neither the disk nor the store is measured: {@code stage=extract} is {@link PolicyReader#read}
 * (decode, parse, extract: bytes to {@code ExtractedPolicy}); {@code stage=extract+rdf} also renders
 * each policy's quads (into a counting sink), i.e. all the work a load does before the store. The
 * figures are for the warmed-up JIT: first every stage runs on every thread count for the given
 * seconds (on 2 cores the JIT compiler competes with the workers, so a stage measured first would
 * pay for compiling all of them), then each is timed in passes until the given seconds have passed.
 * Prints {@code key=value} lines (MB are 10^6 bytes of policy text): {@code mb_per_s} is the median
 * of the passes' rates, as a burst of other work on a shared machine slows some passes, not the code;
 * {@code mb_per_s_mean} is all bytes over all the time.
 * <p>
 * Usage: {@code java -cp privkg.jar org.privkg.bench.ExtractBench DIR [SECONDS] [THREADS...]}
 * (default 10 s; threads 1 and one per core).
 */
public final class ExtractBench {
    private static final AtomicLong WORKER_CPU = new AtomicLong();
    private static final java.lang.management.ThreadMXBean THREADS = java.lang.management.ManagementFactory.getThreadMXBean();

    private ExtractBench() {
    }

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args[0]);
        double seconds = args.length > 1 ? Double.parseDouble(args[1]) : 10;
        List<Integer> threads = new ArrayList<>();
        for (int i = 2; i < args.length; i++) threads.add(Integer.parseInt(args[i]));
        if (threads.isEmpty()) threads = List.of(1, ParallelReader.defaultThreads());

        List<PolicySource> sources = new ArrayList<>();
        long bytes = 0;
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path f : walk.filter(p -> p.toString().endsWith(".txt")).sorted().toList()) {
                byte[] b = Files.readAllBytes(f);
                sources.add(new PolicySource(PolicySource.idOf(f), f.toString(), b));
                bytes += b.length;
            }
        }
        System.out.printf(Locale.ROOT, "files=%d%nbytes=%d%n", sources.size(), bytes);
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        for (int n : threads) for (boolean render : new boolean[] {false, true}) {
            long w0 = System.nanoTime();
            do pass(sources, n, render); while ((System.nanoTime() - w0) / 1e9 < seconds);
        }
        for (int n : threads) for (boolean render : new boolean[] {false, true}) {
            long t0 = System.nanoTime();
            long c0 = os.getProcessCpuTime();
            WORKER_CPU.set(0);
            long quads = 0;
            List<Double> rates = new ArrayList<>();
            do {
                long p0 = System.nanoTime();
                quads += pass(sources, n, render);
                rates.add(bytes / 1e6 / ((System.nanoTime() - p0) / 1e9));
            } while ((System.nanoTime() - t0) / 1e9 < seconds);
            int passes = rates.size();
            double s = (System.nanoTime() - t0) / 1e9;
            double cpu = (os.getProcessCpuTime() - c0) / 1e9;
            double worker = WORKER_CPU.get() / 1e9;
            // mb_per_s: wall clock, median pass, the figure. mb_per_cpu_s: per second of CPU the whole
            // process used (workers, GC, JIT); mb_per_worker_cpu_s: per second of CPU of the extracting
            // threads alone. On a machine shared with other work the CPU figures are the steadier ones.
            rates.sort(null);
            double median = passes % 2 == 1 ? rates.get(passes / 2) : (rates.get(passes / 2 - 1) + rates.get(passes / 2)) / 2;
            System.out.printf(Locale.ROOT, "stage=%s threads=%d mb_per_s=%.1f mb_per_s_mean=%.1f mb_per_cpu_s=%.1f "
                            + "mb_per_worker_cpu_s=%.1f policies_per_s=%.0f quads_per_s=%.0f passes=%d%n",
                    render ? "extract+rdf" : "extract", n, median, bytes * passes / 1e6 / s, bytes * passes / 1e6 / cpu,
                    bytes * passes / 1e6 / worker, sources.size() * passes / s, quads / s, passes);
        }
    }

    /** One pass over every source; returns the number of quads (0 without rendering). */
    private static long pass(List<PolicySource> sources, int threads, boolean render) {
        PolicyGraphWriter writer = new PolicyGraphWriter(new Iris(null));
        AtomicLong quads = new AtomicLong();
        ParallelReader.forEach(sources, threads, () -> {
            PolicyReader reader = new PolicyReader();
            return src -> {
                long c0 = THREADS.getCurrentThreadCpuTime();
                PolicyReader.Outcome o = reader.read(src);
                if (!o.ok()) throw new IllegalStateException(src.name() + ": " + o.diagnostics().all());
                long[] n = {0};
                if (render) writer.write(o.policy().get(), new StreamRDFBase() {
                    @Override
                    public void quad(Quad quad) {
                        n[0]++;
                    }
                });
                WORKER_CPU.addAndGet(THREADS.getCurrentThreadCpuTime() - c0);
                return n[0];
            };
        }, quads::addAndGet);
        return quads.get();
    }
}
