package org.privkg.pipeline;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import org.apache.jena.sparql.core.Quad;
import org.privkg.annotate.MachineAnnotation;
import org.privkg.annotation.Diagnostics;
import org.privkg.extract.ExtractedPolicy;
import org.privkg.rdf.PolicyGraphWriter;
import org.privkg.store.BulkLoad;
import org.privkg.store.PolicyStore;
import org.privkg.store.StoreException;

/**
 * Files to store, streaming: workers read, check and extract policies and turn each into its quads
 * ({@link ParallelReader}, one reader per core); the calling thread is the single writer
 * ({@link BulkLoad}). A policy is extracted and checked whole, in memory, before any of its quads
 * goes to the store, so a bad file leaves nothing behind and does not stop the others. Memory is
 * bounded by the few policies in flight, not by the number of files.
 * <p>
 * A dataset without policies is bulk loaded ({@link BulkLoad}); one that has some takes batched
 * transactions, each policy's replacement atomic. Two files giving the same policy id: the later
 * replaces the earlier, as a sequence of single loads would (in a bulk load those files are held
 * back and stored in transactions after it).
 */
public final class LoadPipeline {

    /** What the load tells its caller (diagnostics, progress). Called in the calling thread. */
    public interface Events extends BulkLoad.Listener {
        /** Every file read, in input order, before its quads go to the store. */
        void read(PolicyReader.Outcome outcome);

        /** How the store is being written. */
        default void mode(BulkLoad.Mode mode) {
        }

        default void warning(String message) {
        }

        /** What the {@link Check} of a policy reported, right after {@link #read} of it; never "". */
        default void checked(PolicyReader.Outcome outcome, String report) {
        }
    }

    /**
     * A check of a policy's quads before they are stored (e.g. SHACL validation), run in the worker
     * that extracted the policy, so that it costs the single writer nothing. Returns what to report,
     * or "". Called from several threads at once.
     */
    @FunctionalInterface
    public interface Check {
        String check(ExtractedPolicy policy, List<Quad> quads);
    }

    /**
     * @param loaded   distinct policies stored
     * @param rejected files not stored (errors)
     * @param quads    quads written, the ontology's included
     */
    public record Summary(int loaded, int rejected, long quads, BulkLoad.Mode mode) {
    }

    private final Supplier<PolicyReader> readers;
    private final int threads;
    private final Check check;

    /**
     * @param readers makes one reader per worker thread
     * @param threads worker threads; 0 or less for one per core
     */
    public LoadPipeline(Supplier<PolicyReader> readers, int threads) {
        this(readers, threads, null);
    }

    /** @param check run on every policy that is to be stored, or null for none */
    public LoadPipeline(Supplier<PolicyReader> readers, int threads, Check check) {
        this.readers = readers;
        this.threads = threads;
        this.check = check;
    }

    /** A policy read and, when it had no error, turned into its quads and checked. */
    private record Prepared(PolicyReader.Outcome outcome, List<Quad> quads, String report) {
    }

    public Summary load(PolicyStore store, List<PolicySource> sources, Events events) {
        Map<String, List<PolicySource>> byId = new LinkedHashMap<>();
        for (PolicySource s : sources) {
            // a file refused for its name is no policy: it replaces nothing (the reader reports it)
            if (s.refusal().isEmpty()) byId.computeIfAbsent(s.id(), k -> new ArrayList<>(1)).add(s);
        }
        Set<String> repeated = new HashSet<>();
        byId.forEach((id, list) -> {
            if (list.size() > 1) {
                repeated.add(id);
                events.warning("policy id '" + id + "' is given by " + list.size() + " files ("
                        + String.join(", ", list.stream().map(PolicySource::name).toList())
                        + "); each replaces the one before, so the last one without errors is kept");
            }
        });

        Counts counts = new Counts();
        BulkLoad first = BulkLoad.start(store, events);
        events.mode(first.mode());
        if (first.mode() == BulkLoad.Mode.BULK && !repeated.isEmpty()) {
            run(first, sources.stream().filter(s -> !repeated.contains(s.id())).toList(), events, counts, store);
            BulkLoad rest = BulkLoad.start(store, BulkLoad.Mode.TRANSACTIONS, events);
            run(rest, sources.stream().filter(s -> repeated.contains(s.id())).toList(), events, counts, store);
        } else {
            run(first, sources, events, counts, store);
        }
        return new Summary(counts.stored.size(), counts.rejected, counts.quads, first.mode());
    }

    private static final class Counts {
        final Set<String> stored = new HashSet<>();
        int rejected;
        long quads;
    }

    private void run(BulkLoad session, List<PolicySource> sources, Events events, Counts counts, PolicyStore store) {
        Set<String> added = new HashSet<>();
        PolicyGraphWriter writer = new PolicyGraphWriter(store.iris());
        Supplier<Function<PolicySource, Prepared>> perThread = () -> {
            PolicyReader reader = readers.get();
            return src -> prepare(src, reader, writer, check);
        };
        try {
            ParallelReader.forEach(sources, threads, perThread, p -> {
                events.read(p.outcome());
                if (!p.report().isEmpty()) events.checked(p.outcome(), p.report());
                if (p.quads() == null) {
                    counts.rejected++;
                    return;
                }
                session.add(p.outcome().source().id(), p.quads());
                added.add(p.outcome().source().id());
            });
            session.finish();
        } catch (RuntimeException e) {
            session.abort(e);
            throw new StoreException(failure(session, e), e);
        }
        counts.stored.addAll(added);
        counts.quads += session.quads();
    }

    private static String failure(BulkLoad session, RuntimeException e) {
        String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return session.mode() == BulkLoad.Mode.BULK
                ? "writing to the dataset failed (" + why + "); the bulk load was rolled back, nothing of it is stored"
                : "writing to the dataset failed (" + why + "); the policies of the batch being written were not "
                + "stored, those committed before it were";
    }

    /** In a worker: read, extract, render the quads and check them; never throws for one bad file. */
    private static Prepared prepare(PolicySource src, PolicyReader reader, PolicyGraphWriter writer, Check check) {
        PolicyReader.Outcome outcome;
        try {
            outcome = reader.read(src);
            if (!outcome.ok()) return new Prepared(outcome, null, "");
            List<Quad> quads = writer.quads(outcome.policy().get());
            if (reader.annotates()) quads.addAll(MachineAnnotation.provenance(writer.graphName(outcome.policy().get().id())));
            return new Prepared(outcome, quads, check == null ? "" : check.check(outcome.policy().get(), quads));
        } catch (RuntimeException | StackOverflowError e) {
            Diagnostics d = new Diagnostics(src.name());
            d.fatal("internal error while reading this policy (" + e + "); please report it with the file", 1, 1);
            return new Prepared(new PolicyReader.Outcome(src, Optional.empty(), d), null, "");
        }
    }
}
