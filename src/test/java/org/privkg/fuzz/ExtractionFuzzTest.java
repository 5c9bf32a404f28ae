package org.privkg.fuzz;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.riot.system.StreamRDFLib;
import org.apache.jena.riot.system.StreamRDFWriter;
import org.apache.jena.riot.RDFFormat;
import org.apache.jena.riot.lang.StreamRDFCounting;
import org.junit.jupiter.api.Test;
import org.privkg.annotation.Diagnostic;
import org.privkg.annotation.Diagnostics;
import org.privkg.fixture.Fixtures;
import org.privkg.pipeline.PolicyReader;
import org.privkg.pipeline.PolicySource;
import org.privkg.rdf.Iris;
import org.privkg.rdf.PolicyGraphWriter;

/**
 * Reads seeded, mostly broken inputs (see {@link FuzzInputs}) as {@code privkg extract --format nq}
 * does and checks, for each: nothing escapes but diagnostics; a rejected input says where, inside the
 * input; at most {@link Diagnostics#LIMIT} diagnostics are kept; the output is N-Quads that Jena
 * parses back; and it has at most {@value #QUADS_PER_BYTE} quads per input byte plus
 * {@value #QUADS_PER_FILE}. An input whose reading, extraction and writing take more than
 * {@value #HANG_SECONDS} s fails the run (the checks after are not timed).
 * <p>
 * {@code mvn verify} reads {@value #CI_COUNT} inputs; {@code -Dprivkg.fuzz.count=N -Dprivkg.fuzz.seed=S}
 * (or {@code bin/fuzz N S}) reads more, and {@code -Dprivkg.fuzz.from=I} starts at input I to replay one.
 */
class ExtractionFuzzTest {
    static final int CI_COUNT = 600;
    static final long DEFAULT_SEED = 20241207L;
    /** README ("Bounds") states this bound on the output. */
    static final int QUADS_PER_BYTE = 16;
    static final int QUADS_PER_FILE = 100;
    static final int HANG_SECONDS = 10;

    private final PolicyReader reader = new PolicyReader();
    private final PolicyGraphWriter writer = new PolicyGraphWriter(new Iris(null));

    @Test
    void brokenInputsGiveDiagnosticsOrValidBoundedNQuads() throws Exception {
        int count = Integer.getInteger("privkg.fuzz.count", CI_COUNT);
        long seed = Long.getLong("privkg.fuzz.seed", DEFAULT_SEED);
        int from = Integer.getInteger("privkg.fuzz.from", 0);
        FuzzInputs inputs = FuzzInputs.fromPolicies(Fixtures.POLICIES, Path.of("src/test/resources/unseen"));
        List<String> failures = new ArrayList<>();
        int crashes = 0, hangs = 0, rejected = 0;
        long bytes = 0, maxNanos = 0;
        double maxRatio = 0;
        int maxRatioAt = -1, slowest = -1;
        ExecutorService runner = Executors.newSingleThreadExecutor(FuzzInputs::daemon);
        try {
            for (int i = from; i < from + count; i++) {
                byte[] input = inputs.input(seed, i);
                bytes += input.length;
                String name = "fuzz-" + seed + "-" + i + ".txt";
                long start = System.nanoTime();
                // the guard times what privkg does with the input (read, extract, write N-Quads), not the checks after
                Future<Extracted> f = runner.submit(() -> extract(name, input));
                Extracted c;
                try {
                    c = f.get(HANG_SECONDS, TimeUnit.SECONDS);
                } catch (TimeoutException e) {
                    f.cancel(true);
                    runner.shutdownNow();
                    runner = Executors.newSingleThreadExecutor(FuzzInputs::daemon); // the stuck thread is left behind
                    hangs++;
                    failures.add(name + ": took more than " + HANG_SECONDS + " s (" + input.length + " bytes)");
                    continue;
                } catch (java.util.concurrent.ExecutionException e) {
                    crashes++;
                    failures.add(name + ": " + e.getCause());
                    continue;
                }
                long took = System.nanoTime() - start;
                Checked checked = check(c, input);
                if (took > maxNanos) {
                    maxNanos = took;
                    slowest = i;
                }
                if (!checked.ok) rejected++;
                double ratio = (double) checked.quads / Math.max(1, input.length);
                if (ratio > maxRatio) {
                    maxRatio = ratio;
                    maxRatioAt = i;
                }
                if (checked.problem != null) failures.add(name + ": " + checked.problem);
            }
        } finally {
            runner.shutdownNow();
        }
        System.out.printf("fuzz: inputs %d (from %d), seed %d, bytes %d, rejected %d, crashes %d, hangs past %d s %d,"
                + " other failures %d, max quads/byte %.3f (input %d), max time per input %d ms (input %d)%n",
                count, from, seed, bytes, rejected, crashes, HANG_SECONDS, hangs, failures.size() - crashes - hangs,
                maxRatio, maxRatioAt, maxNanos / 1_000_000, slowest);
        assertTrue(failures.isEmpty(), () -> failures.size() + " inputs failed (replay one with -Dprivkg.fuzz.seed="
                + seed + " -Dprivkg.fuzz.from=INDEX -Dprivkg.fuzz.count=1):\n" + String.join("\n", failures.subList(0, Math.min(20, failures.size()))));
    }

    /** What one input gave: accepted or not, its quads, and the property it broke, if any. */
    private record Checked(boolean ok, long quads, String problem) {
    }

    /** What privkg made of one input: the outcome, and its N-Quads when it was accepted. */
    private record Extracted(PolicyReader.Outcome outcome, byte[] nquads) {
    }

    private Extracted extract(String name, byte[] input) {
        PolicyReader.Outcome o = reader.read(new PolicySource("fuzz", name, input));
        if (!o.ok()) return new Extracted(o, null);
        ByteArrayOutputStream nq = new ByteArrayOutputStream();
        StreamRDF out = StreamRDFWriter.getWriterStream(nq, RDFFormat.NQUADS_UTF8);
        out.start();
        writer.write(o.policy().get(), out);
        out.finish();
        return new Extracted(o, nq.toByteArray());
    }

    private static Checked check(Extracted e, byte[] input) {
        PolicyReader.Outcome o = e.outcome();
        List<Diagnostic> ds = o.diagnostics().all();
        if (ds.size() > Diagnostics.LIMIT) return new Checked(o.ok(), 0, ds.size() + " diagnostics kept, more than " + Diagnostics.LIMIT);
        int[] lineLengths = lineLengths(input);
        for (Diagnostic d : ds) {
            if (d.line() < 1 || d.line() > lineLengths.length || d.column() < 1 || d.column() > lineLengths[(int) d.line() - 1] + 1) {
                return new Checked(o.ok(), 0, "diagnostic outside the input (" + lineLengths.length + " lines): " + d);
            }
        }
        if (!o.ok()) {
            return ds.isEmpty() ? new Checked(false, 0, "rejected without a diagnostic") : new Checked(false, 0, null);
        }
        StreamRDFCounting counted = StreamRDFLib.count();
        try {
            RDFParser.source(new java.io.ByteArrayInputStream(e.nquads())).lang(Lang.NQUADS).parse(counted);
        } catch (RuntimeException bad) {
            return new Checked(true, 0, "output is not N-Quads: " + bad.getMessage());
        }
        long quads = counted.countQuads() + counted.countTriples();
        long bound = (long) QUADS_PER_BYTE * input.length + QUADS_PER_FILE;
        return new Checked(true, quads, quads > bound ? quads + " quads from " + input.length + " bytes, more than " + bound : null);
    }

    /** The length of each line in code points, the input read as UTF-8 (as the reader does) with bad bytes replaced. */
    private static int[] lineLengths(byte[] input) {
        String text = new String(input, StandardCharsets.UTF_8);
        List<Integer> lengths = new ArrayList<>();
        int len = 0;
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            i += Character.charCount(c);
            if (c == '\r' && i < text.length() && text.charAt(i) == '\n') i++;
            if (c == '\r' || c == '\n') {
                lengths.add(len);
                len = 0;
            } else {
                len++;
            }
        }
        lengths.add(len);
        return lengths.stream().mapToInt(Integer::intValue).toArray();
    }
}
