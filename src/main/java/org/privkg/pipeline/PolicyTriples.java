package org.privkg.pipeline;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.apache.jena.sparql.core.Quad;
import org.privkg.annotate.MachineAnnotation;
import org.privkg.annotation.Diagnostic;
import org.privkg.annotation.Diagnostics;
import org.privkg.annotation.Severity;
import org.privkg.extract.ExtractedPolicy;
import org.privkg.rdf.PolicyGraphWriter;
import org.privkg.rdf.Provenance;

/**
 * One policy through the stages every write takes, in this order: read (bytes → text → document →
 * practices, {@link PolicyReader}), triples (the policy's graph, {@link PolicyGraphWriter}), check
 * ({@link LoadPipeline.Check}), provenance ({@link Provenance}). {@link LoadPipeline} runs it in its
 * workers for every way a policy reaches a store, and {@link PolicyParser} for the library, so that
 * whatever goes into a policy's triples is added in {@link #triples} and nowhere else.
 * <p>
 * Safe to share between threads; the reader is the caller's (one per thread).
 */
public final class PolicyTriples {
    /**
     * A policy read and, when it had no error, turned into its quads (the policy graph's, then its
     * provenance's) and checked; {@code quads} is null for a rejected policy.
     */
    public record Prepared(PolicyReader.Outcome outcome, List<Quad> quads, String report) {
    }

    private final PolicyGraphWriter writer;
    private final LoadPipeline.Check check;
    private final String recordedSource;
    private final Clock clock;

    /**
     * @param check          run on the policy graph's quads, or null for none
     * @param recordedSource what provenance records as the source, or null for the source's own name
     * @param clock          gives the load time provenance records
     */
    public PolicyTriples(PolicyGraphWriter writer, LoadPipeline.Check check, String recordedSource, Clock clock) {
        this.writer = writer;
        this.check = check;
        this.recordedSource = recordedSource;
        this.clock = clock;
    }

    /** Never throws for one bad policy: an internal failure becomes a fatal diagnostic of that policy. */
    public Prepared prepare(PolicySource src, PolicyReader reader) {
        PolicyReader.Outcome outcome;
        try {
            outcome = reader.read(src);
            if (!outcome.ok()) return new Prepared(outcome, null, "");
            ExtractedPolicy policy = outcome.policy().get();
            List<Quad> quads = triples(policy);
            if (reader.annotates()) quads.addAll(MachineAnnotation.provenance(writer.graphName(policy.id())));
            String report = check == null ? "" : check.check(policy, quads);
            quads.addAll(provenance(outcome).quads(writer.graphName(policy.id())));
            return new Prepared(outcome, quads, report);
        } catch (RuntimeException | StackOverflowError e) {
            Diagnostics d = new Diagnostics(src.name());
            d.fatal("internal error while reading this policy (" + e + "); please report it with the file", 1, 1);
            return new Prepared(new PolicyReader.Outcome(src, Optional.empty(), d), null, "");
        }
    }

    /** The policy graph's quads: every triple privkg states about the policy. */
    private List<Quad> triples(ExtractedPolicy policy) {
        return writer.quads(policy);
    }

    private Provenance provenance(PolicyReader.Outcome outcome) {
        PolicySource src = outcome.source();
        // a stored policy had no error, so the diagnostics left out past the limit are warnings too
        int warnings = (int) (outcome.diagnostics().all().stream().map(Diagnostic::severity)
                .filter(s -> s == Severity.WARNING).count() + outcome.diagnostics().omitted());
        return new Provenance(recordedSource != null ? recordedSource : src.recordedSource(), outcome.inputSha256(),
                src.format().option(), Provenance.currentVersion(), clock.instant(), warnings);
    }
}
