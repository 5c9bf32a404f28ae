package org.privkg.bench;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.lang.StreamRDFCounting;
import org.apache.jena.riot.system.StreamRDFLib;
import org.privkg.pipeline.ParallelReader;
import org.privkg.pipeline.PolicyReader;
import org.privkg.pipeline.PolicySource;
import org.privkg.rdf.Iris;
import org.privkg.rdf.PolicyGraphWriter;

/**
 * Extraction throughput for every *.txt under a directory, with the files already in memory, so that
 * neither the disk nor the store is measured: {@code stage=extract} is {@link PolicyReader#read}
 * (decode, parse, extract: bytes to {@code ExtractedPolicy}); {@code stage=extract+rdf} also renders
 * each policy's quads (into a counting sink), i.e. all the work a load does before the store.
 * {@code stage=riot-nquads} is a yardstick measured in the same run: Jena's N-Quads parser reading
 * what extract+rdf makes of (up to) 200 of the policies, a policy per task on the same threads;
 * {@code yardstick} lines give extract+rdf's quads per second as a ratio to it, so that runs at
 * different moments of a drifting machine can be set side by side (measured figures: README, "Loading
 * at scale and the benchmark").
 * <p>
 * The figures are for the warmed-up JIT: first every stage runs on every thread count for the given
 * seconds (on 2 cores the JIT compiler competes with the workers, so a stage measured first would
 * pay for compiling all of them), then each is timed in passes until the given seconds have passed.
 * Prints {@code key=value} lines (MB are 10^6 bytes of the stage's input: policy text, or N-Quads for
 * riot-nquads): {@code mb_per_s} is the median of the passes' rates, as a burst of other work on a
 * shared machine slows some passes, not the code; {@code mb_per_s_mean} is all bytes over all the time.
 * <p>
 * Usage: {@code java -cp privkg.jar org.privkg.bench.ExtractBench DIR [SECONDS] [THREADS...]}
 * (default 10 s; threads 1 and one per core).
 */
public final class ExtractBench {
    private static final AtomicLong WORKER_CPU = new AtomicLong();
    private static final java.lang.management.ThreadMXBean THREADS = java.lang.management.ManagementFactory.getThreadMXBean();
    private static final int YARDSTICK_POLICIES = 200;

    /** A stage: its input, and what a worker does with one source (returns the quads made or read). */
    private record Stage(String name, List<PolicySource> sources, Supplier<Function<PolicySource, Long>> worker) {
        long bytes() {
            return sources.stream().mapToLong(s -> s.bytes().length).sum();
        }
    }

    private ExtractBench() {
    }

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args[0]);
        double seconds = args.length > 1 ? Double.parseDouble(args[1]) : 10;
        List<Integer> threads = new ArrayList<>();
        for (int i = 2; i < args.length; i++) threads.add(Integer.parseInt(args[i]));
        if (threads.isEmpty()) threads = List.of(1, ParallelReader.defaultThreads());

        List<PolicySource> sources = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path f : walk.filter(p -> p.toString().endsWith(".txt")).sorted().toList()) {
                sources.add(new PolicySource(PolicySource.idOf(f), f.toString(), Files.readAllBytes(f)));
            }
        }
        PolicyGraphWriter writer = new PolicyGraphWriter(new Iris(null));
        List<Stage> stages = List.of(
                new Stage("extract", sources, () -> extract(null)),
                new Stage("extract+rdf", sources, () -> extract(writer)),
                new Stage("riot-nquads", nquads(sources.subList(0, Math.min(YARDSTICK_POLICIES, sources.size())), writer),
                        () -> src -> {
                            StreamRDFCounting count = StreamRDFLib.count();
                            RDFParser.source(new ByteArrayInputStream(src.bytes())).lang(Lang.NQUADS).parse(count);
                            return count.countQuads();
                        }));
        System.out.printf(Locale.ROOT, "files=%d%nbytes=%d%n", sources.size(), stages.get(0).bytes());
        for (int n : threads) for (Stage stage : stages) {
            long w0 = System.nanoTime();
            do pass(stage, n); while ((System.nanoTime() - w0) / 1e9 < seconds);
        }
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        for (int n : threads) {
            Map<String, Double> quadsPerSecond = new LinkedHashMap<>();
            for (Stage stage : stages) {
                long bytes = stage.bytes();
                long t0 = System.nanoTime();
                long c0 = os.getProcessCpuTime();
                WORKER_CPU.set(0);
                long quads = 0;
                List<Double> rates = new ArrayList<>();
                do {
                    long p0 = System.nanoTime();
                    quads += pass(stage, n);
                    rates.add(bytes / 1e6 / ((System.nanoTime() - p0) / 1e9));
                } while ((System.nanoTime() - t0) / 1e9 < seconds);
                int passes = rates.size();
                double s = (System.nanoTime() - t0) / 1e9;
                double cpu = (os.getProcessCpuTime() - c0) / 1e9;
                double worker = WORKER_CPU.get() / 1e9;
                rates.sort(null);
                double median = passes % 2 == 1 ? rates.get(passes / 2) : (rates.get(passes / 2 - 1) + rates.get(passes / 2)) / 2;
                quadsPerSecond.put(stage.name(), quads / s);
                // mb_per_s: wall clock, median pass, the figure. mb_per_cpu_s: per second of CPU the whole
                // process used (workers, GC, JIT); mb_per_worker_cpu_s: per second of CPU of the worker
                // threads alone. On a machine shared with other work the CPU figures are the steadier ones.
                System.out.printf(Locale.ROOT, "stage=%s threads=%d mb_per_s=%.1f mb_per_s_mean=%.1f mb_per_cpu_s=%.1f "
                                + "mb_per_worker_cpu_s=%.1f policies_per_s=%.0f quads_per_s=%.0f passes=%d%n",
                        stage.name(), n, median, bytes * passes / 1e6 / s, bytes * passes / 1e6 / cpu,
                        bytes * passes / 1e6 / worker, stage.sources().size() * passes / s, quads / s, passes);
            }
            System.out.printf(Locale.ROOT, "yardstick: threads=%d extract+rdf quads_per_s / riot-nquads quads_per_s = %.2f%n",
                    n, quadsPerSecond.get("extract+rdf") / quadsPerSecond.get("riot-nquads"));
        }
    }

    /** Reads a policy (and renders its quads, with a writer): the quads rendered, 0 without. */
    private static Function<PolicySource, Long> extract(PolicyGraphWriter writer) {
        PolicyReader reader = new PolicyReader();
        return src -> {
            PolicyReader.Outcome o = reader.read(src);
            if (!o.ok()) throw new IllegalStateException(src.name() + ": " + o.diagnostics().all());
            if (writer == null) return 0L;
            StreamRDFCounting count = StreamRDFLib.count();
            writer.write(o.policy().get(), count);
            return count.countQuads();
        };
    }

    /** Each policy's quads as N-Quads, the yardstick's input. */
    private static List<PolicySource> nquads(List<PolicySource> policies, PolicyGraphWriter writer) {
        PolicyReader reader = new PolicyReader();
        List<PolicySource> out = new ArrayList<>();
        for (PolicySource src : policies) {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            RDFDataMgr.writeQuads(bytes, writer.quads(reader.read(src).policy().orElseThrow()).iterator());
            out.add(new PolicySource(src.id(), src.name() + ".nq", bytes.toByteArray()));
        }
        return out;
    }

    /** One pass over every source of a stage; returns the number of quads. */
    private static long pass(Stage stage, int threads) {
        AtomicLong quads = new AtomicLong();
        ParallelReader.forEach(stage.sources(), threads, () -> {
            Function<PolicySource, Long> work = stage.worker().get();
            return src -> {
                long c0 = THREADS.getCurrentThreadCpuTime();
                long n = work.apply(src);
                WORKER_CPU.addAndGet(THREADS.getCurrentThreadCpuTime() - c0);
                return n;
            };
        }, quads::addAndGet);
        return quads.get();
    }
}
