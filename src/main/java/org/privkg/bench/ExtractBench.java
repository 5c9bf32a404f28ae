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
 * Extraction throughput: decode, parse, extract and render quads (into a counting sink) for every
 * *.txt under a directory, with the files already in memory, so that neither the disk nor the store
 * is measured. One warm-up pass, then timed passes until at least the given seconds have passed.
 * Prints {@code key=value} lines (MB are 10^6 bytes of policy text).
 * <p>
 * Usage: {@code java -cp privkg.jar org.privkg.bench.ExtractBench DIR [SECONDS] [THREADS...]}
 * (default 10 s; threads 1 and one per core).
 */
public final class ExtractBench {
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
        for (int n : threads) {
            pass(sources, n); // warm-up
            long t0 = System.nanoTime();
            long quads = 0;
            int passes = 0;
            do {
                quads += pass(sources, n);
                passes++;
            } while ((System.nanoTime() - t0) / 1e9 < seconds);
            double s = (System.nanoTime() - t0) / 1e9;
            System.out.printf(Locale.ROOT, "threads=%d mb_per_s=%.1f policies_per_s=%.0f quads_per_s=%.0f passes=%d%n",
                    n, bytes * passes / 1e6 / s, sources.size() * passes / s, quads / s, passes);
        }
    }

    /** One pass over every source; returns the number of quads. */
    private static long pass(List<PolicySource> sources, int threads) {
        PolicyGraphWriter writer = new PolicyGraphWriter(new Iris(null));
        AtomicLong quads = new AtomicLong();
        ParallelReader.forEach(sources, threads, () -> {
            PolicyReader reader = new PolicyReader();
            return src -> {
                PolicyReader.Outcome o = reader.read(src);
                if (!o.ok()) throw new IllegalStateException(src.name() + ": " + o.diagnostics().all());
                long[] n = {0};
                writer.write(o.policy().get(), new StreamRDFBase() {
                    @Override
                    public void quad(Quad quad) {
                        n[0]++;
                    }
                });
                return n[0];
            };
        }, quads::addAndGet);
        return quads.get();
    }
}
