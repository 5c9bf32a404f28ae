package org.privkg.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.privkg.annotate.Annotator;
import org.privkg.annotate.HtmlPolicy;
import org.privkg.standoff.InlineReader;

/**
 * Pre-annotation throughput on one thread (so per core): the plain text of every *.txt under the
 * given directories (marks removed, as 'annotate --evaluate' reads them) or *.html (its text), held in
 * memory, annotated in passes after a warm-up of the same length. MB are 10^6 bytes of UTF-8 text;
 * {@code mb_per_cpu_s} is the median pass over the CPU time the thread got (on a machine shared with
 * other work the wall clock also counts time the thread waited for a core; {@code mb_per_wall_s} shows it). The bound is 1 MB/s per core; {@code bound_ratio} is the CPU median over it.
 * <p>
 * Usage: {@code java -cp privkg.jar org.privkg.bench.AnnotateBench SECONDS DIR...} (bin/annotate-bench)
 */
public final class AnnotateBench {
    static final double BOUND_MB_PER_S = 1.0;

    private AnnotateBench() {
    }

    public static void main(String[] args) throws IOException {
        double seconds = Double.parseDouble(args[0]);
        List<String> texts = new ArrayList<>();
        for (int i = 1; i < args.length; i++) {
            try (Stream<Path> walk = Files.walk(Path.of(args[i]))) {
                for (Path f : walk.filter(Files::isRegularFile).sorted().toList()) {
                    String name = f.toString();
                    byte[] bytes = Files.readAllBytes(f);
                    if (name.endsWith(".html")) texts.add(HtmlPolicy.text(bytes, null));
                    else if (name.endsWith(".txt")) texts.add(InlineReader.read(new String(bytes, StandardCharsets.UTF_8)).text());
                }
            }
        }
        long bytes = texts.stream().mapToLong(t -> t.getBytes(StandardCharsets.UTF_8).length).sum();
        Annotator annotator = Annotator.bundled();
        long marks = 0;
        long until = System.nanoTime() + (long) (seconds * 1e9);
        while (System.nanoTime() < until) for (String t : texts) marks += annotator.annotate(t).size();
        List<Double> rates = new ArrayList<>();
        java.lang.management.ThreadMXBean cpu = java.lang.management.ManagementFactory.getThreadMXBean();
        long wall0 = System.nanoTime();
        until = wall0 + (long) (seconds * 1e9);
        while (System.nanoTime() < until || rates.size() < 3) {
            long t0 = cpu.getCurrentThreadCpuTime();
            for (String t : texts) marks += annotator.annotate(t).size();
            rates.add(bytes / 1e6 / ((cpu.getCurrentThreadCpuTime() - t0) / 1e9));
        }
        double wall = bytes / 1e6 * rates.size() / ((System.nanoTime() - wall0) / 1e9);
        double[] sorted = rates.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        double median = sorted[sorted.length / 2];
        System.out.printf(Locale.ROOT, "policies=%d%nmb_per_pass=%.3f%npasses=%d%nmb_per_cpu_s=%.2f%nmb_per_cpu_s_min=%.2f%n"
                + "mb_per_wall_s=%.2f%nbound_mb_per_s=%.1f%nbound_ratio=%.1f%nmarks_seen=%d%n", texts.size(), bytes / 1e6,
                sorted.length, median, sorted[0], wall, BOUND_MB_PER_S, median / BOUND_MB_PER_S, marks);
        if (Arrays.stream(sorted).allMatch(r -> r < BOUND_MB_PER_S)) System.exit(1);
    }
}
