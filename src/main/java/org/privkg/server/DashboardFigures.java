package org.privkg.server;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.jena.dboe.transaction.txn.Transaction;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.store.DatasetGraphTDB;
import org.apache.jena.tdb2.sys.TDBInternal;
import org.privkg.view.CorpusFigures;

/**
 * The dashboard's corpus figures, computed once per committed version of the store rather than per request
 * (over 1,000 policies they take seconds). TDB2 counts committed write transactions (its data version), and
 * every write reaches the store as one (SPARQL update, Graph Store PUT/DELETE, policy upload), so figures
 * labelled with the current version are exact. They are computed on a background thread: at start-up, and
 * after a write by the first request that finds them out of date; a request waits for them a short while,
 * and past that the page says they are being computed instead of showing an older version's figures.
 */
final class DashboardFigures {
    /** What one computation gave: figures (or why there are none) for the store as of {@code version}. */
    private record Result(long version, CorpusFigures figures, RuntimeException failure) {
    }

    /** What a request gets: the figures, or empty while they are computed, or the reason they could not be. */
    record Answer(Optional<CorpusFigures> figures, String failure) {
    }

    private final DatasetGraph dsg;
    private CompletableFuture<Result> latest;
    /** The version {@code latest} began at. */
    private long latestVersion = -1;

    DashboardFigures(DatasetGraph dsg) {
        this.dsg = dsg;
    }

    /** Starts computing the figures of the store as it is, unless that is already done or under way. */
    synchronized CompletableFuture<Result> prepare() {
        long now = version();
        if (latest != null && now >= 0 && latestVersion == now) {
            Result done = latest.getNow(null);
            if (done == null || done.failure() == null) return latest; // under way or done; a failed one is tried again
        }
        latestVersion = now;
        latest = CompletableFuture.supplyAsync(this::compute, command -> {
            Thread t = new Thread(command, "privkg-dashboard-figures");
            t.setDaemon(true);
            t.start();
        });
        return latest;
    }

    /** The figures of the store as it is now, waiting at most {@code wait} for them. */
    Answer current(Duration wait) {
        long now = version();
        CompletableFuture<Result> pending = prepare();
        try {
            Result r = pending.get(wait.toMillis(), TimeUnit.MILLISECONDS);
            if (r.failure() != null) return new Answer(Optional.empty(), r.failure().getMessage());
            // figures of a version before the latest write are not shown
            if (now >= 0 && r.version() < now) return new Answer(Optional.empty(), null);
            return new Answer(Optional.of(r.figures()), null);
        } catch (TimeoutException e) {
            return new Answer(Optional.empty(), null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer(Optional.empty(), null);
        } catch (ExecutionException e) {
            return new Answer(Optional.empty(), String.valueOf(e.getCause()));
        }
    }

    /** Waits up to {@code wait} for a computation under way, so that no read transaction outlives the server. */
    void settle(Duration wait) {
        CompletableFuture<Result> pending;
        synchronized (this) {
            pending = latest;
        }
        if (pending == null) return;
        try {
            pending.get(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            // a computation cut short by the server's stop, or still running: it ends with the process
        }
    }

    private Result compute() {
        try {
            // the version and the figures come from the one read transaction, so they belong together
            return Txn.calculateRead(dsg, () -> new Result(versionInTransaction(), CorpusFigures.read(dsg), null));
        } catch (RuntimeException e) {
            return new Result(-1, null, e);
        }
    }

    /** TDB2's count of committed writes; -1 for a dataset that keeps none, whose figures are then computed per request. */
    private long version() {
        try {
            return Txn.calculateRead(dsg, this::versionInTransaction);
        } catch (RuntimeException e) {
            return -1;
        }
    }

    /** The version the calling thread's read transaction sees. */
    private long versionInTransaction() {
        DatasetGraphTDB tdb = TDBInternal.getDatasetGraphTDB(dsg);
        Transaction txn = tdb == null ? null : tdb.getTxnSystem().getThreadTransaction();
        return txn == null ? -1 : txn.getDataVersion();
    }
}
