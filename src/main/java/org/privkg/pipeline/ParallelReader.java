package org.privkg.pipeline;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Reads policies on a pool of worker threads and hands the results to one consumer in the calling
 * thread (the single writer of a store or of an output file).
 * <p>
 * Results arrive <b>in input order</b>, whatever order the workers finish in: diagnostics come out
 * in the order of the files, a load gives the same dataset for any number of threads, and "the last
 * file wins" keeps its meaning. At most {@code window} results are in flight (read but not yet
 * consumed), so memory is bounded by the window, not by the number of policies; when the consumer
 * is the slower side, the workers wait.
 */
public final class ParallelReader {
    private ParallelReader() {
    }

    /** One worker per core: the workers are idle whenever the writer is the bottleneck. */
    public static int defaultThreads() {
        return Math.max(1, Runtime.getRuntime().availableProcessors());
    }

    /**
     * Runs {@code work} on every source on {@code threads} workers and gives each result to
     * {@code sink}, in input order, in the calling thread.
     *
     * @param perThread makes the work function of one worker thread, called once per thread (a
     *                  {@link PolicyReader} is not shared between threads)
     * @param work      must not throw for bad input (turn it into a result); an exception it throws
     *                  stops the run and is rethrown here
     */
    public static <T> void forEach(List<PolicySource> sources, int threads,
                                   Supplier<Function<PolicySource, T>> perThread, Consumer<T> sink) {
        int n = threads > 0 ? threads : defaultThreads();
        int window = Math.max(4, n * 4);
        ThreadLocal<Function<PolicySource, T>> work = ThreadLocal.withInitial(perThread);
        ExecutorService pool = Executors.newFixedThreadPool(n, daemonThreads());
        Deque<Future<T>> inFlight = new ArrayDeque<>(window);
        boolean done = false;
        try {
            for (PolicySource src : sources) {
                if (inFlight.size() >= window) sink.accept(take(inFlight.removeFirst()));
                inFlight.addLast(pool.submit(() -> work.get().apply(src)));
            }
            while (!inFlight.isEmpty()) sink.accept(take(inFlight.removeFirst()));
            done = true;
        } finally {
            if (!done) inFlight.forEach(f -> f.cancel(true));
            pool.shutdownNow();
        }
    }

    /** Reads every source with a reader of its own per thread; results in input order. */
    public static void read(List<PolicySource> sources, int threads, Supplier<PolicyReader> readers,
                            Consumer<PolicyReader.Outcome> sink) {
        forEach(sources, threads, () -> readers.get()::read, sink);
    }

    private static <T> T take(Future<T> f) {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading policies", e);
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            if (c instanceof RuntimeException r) throw r;
            if (c instanceof Error err) throw err;
            throw new IllegalStateException(c);
        }
    }

    private static ThreadFactory daemonThreads() {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, "privkg-read-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
