package org.privkg.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.privkg.annotation.Diagnostic;
import org.privkg.pipeline.LoadPipeline;
import org.privkg.pipeline.PolicyReader;
import org.privkg.pipeline.PolicySource;
import org.privkg.store.BulkLoad;

/**
 * What a load shows on standard error: diagnostics as they come and, on a terminal, a one-line
 * progress bar redrawn in place (plain ANSI: carriage return and erase-line) at most five times a
 * second: files done of all, triples written, rate and time left. A bulk load ends with privkg
 * packing the six quad indexes after the last file; the bar then follows that phase, index by
 * index. Without a terminal there is no bar, only the diagnostics and a one-line summary.
 */
final class Progress implements LoadPipeline.Events, AutoCloseable {
    private static final long REDRAW_MS = 200;
    private static final int BAR = 20;

    private final PrintWriter err;
    private final boolean bar;
    private final boolean lenient;
    private final int totalFiles;
    private final long start = System.nanoTime();
    private final boolean debug = System.getenv("PRIVKG_DEBUG") != null;
    private ScheduledExecutorService ticker;

    private volatile BulkLoad.Mode mode;
    private volatile int files;
    /** Files read that hold no mark at all: counted for the summary, which points to the annotation guide. */
    private volatile int unannotated;
    private volatile long triples;
    // index phase of a bulk load
    private volatile String index;
    private volatile int indexNumber;
    private volatile int indexes;
    private volatile long indexed;
    private volatile long indexTotal;
    private volatile long indexStart;
    private boolean drawn;

    Progress(PrintWriter err, List<PolicySource> sources, boolean bar, boolean lenient) {
        this.err = err;
        this.bar = bar;
        this.lenient = lenient;
        this.totalFiles = sources.size();
        if (bar) {
            ticker = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "privkg-progress");
                t.setDaemon(true);
                return t;
            });
            ticker.scheduleAtFixedRate(this::redraw, REDRAW_MS, REDRAW_MS, TimeUnit.MILLISECONDS);
        }
    }

    /** Whether this process's standard error is a terminal (Linux: where fd 2 points; else System.console()). */
    static boolean stderrIsTerminal() {
        if ("dumb".equals(System.getenv("TERM"))) return false;
        try {
            Path fd = Path.of("/proc/self/fd/2");
            if (Files.isSymbolicLink(fd)) {
                String target = Files.readSymbolicLink(fd).toString();
                return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty") || target.equals("/dev/console");
            }
        } catch (java.io.IOException | SecurityException | UnsupportedOperationException e) {
            // fall through
        }
        return System.console() != null;
    }

    // ---- events from the load (the writer's thread)

    @Override
    public void mode(BulkLoad.Mode m) {
        if (mode == null) mode = m;
    }

    @Override
    public void read(PolicyReader.Outcome outcome) {
        List<Diagnostic> ds = outcome.diagnostics().all();
        if (!ds.isEmpty() || !outcome.ok()) {
            StringBuilder sb = new StringBuilder();
            for (Diagnostic d : ds) sb.append(d).append('\n');
            String more = outcome.diagnostics().omittedLine();
            if (more != null) sb.append(more).append('\n');
            if (!outcome.ok()) sb.append(outcome.source().name()).append(verdict(outcome)).append('\n');
            print(sb.toString());
        }
        if (outcome.unannotated()) unannotated++;
        files++;
    }

    @Override
    public void checked(PolicyReader.Outcome outcome, String report) {
        print(report);
    }

    private String verdict(PolicyReader.Outcome outcome) {
        if (lenient) return ": skipped; nothing of it was stored";
        if (outcome.source().refusal().isPresent()) return ": rejected; nothing of it was stored (rename the file)";
        boolean encoding = outcome.diagnostics().all().stream().anyMatch(d -> d.message().contains("encoding"));
        return ": rejected; nothing of it was stored (fix the errors above"
                + (encoding ? "" : ", or pass --lenient to keep the rest of the file") + ")";
    }

    @Override
    public void stored(String policyId, int quads) {
        triples += quads;
    }

    @Override
    public void indexing(String name, int number, int of, long done, long total) {
        if (indexStart == 0) indexStart = System.nanoTime();
        if (debug && done == 0) print("privkg: building index " + name + " (" + number + "/" + of + ")\n");
        index = name;
        indexNumber = number;
        indexes = of;
        indexed = done;
        indexTotal = total;
    }

    @Override
    public void warning(String message) {
        print("privkg: warning: " + message + "\n");
    }

    // ---- drawing

    /** Prints lines above the bar. */
    private synchronized void print(String text) {
        if (drawn) err.print("\r\033[K");
        err.print(text);
        drawn = false;
        if (bar) draw();
        else err.flush();
    }

    private synchronized void redraw() {
        try {
            draw();
        } catch (RuntimeException e) {
            // a display problem must never stop a load
        }
    }

    private void draw() {
        err.print("\r" + line() + "\033[K");
        err.flush();
        drawn = true;
    }

    /** The bar's text, at most 79 columns. */
    String line() {
        double elapsed = seconds(System.nanoTime() - start);
        long t = triples;
        int f = files;
        if (index != null && mode == BulkLoad.Mode.BULK) {
            // after the last file: the quad indexes are built, one after another
            long total = indexTotal;
            double done = Math.min(1.0, (indexNumber - 1 + (total > 0 ? Math.min(1.0, indexed / (double) total) : 0)) / indexes);
            double spent = seconds(System.nanoTime() - indexStart);
            String eta = done > 0.02 ? duration(spent / done - spent) : "…";
            return String.format(Locale.ROOT, "%s %3.0f%% indexing %s (%d/%d) %s triples %s ETA %s",
                    bar(done), done * 100, index, indexNumber, indexes, count(t), duration(elapsed), eta);
        }
        double done = totalFiles == 0 ? 1 : f / (double) totalFiles;
        String eta;
        if (f >= totalFiles) {
            eta = mode == BulkLoad.Mode.BULK ? "indexing…" : "committing…";
        } else {
            eta = f > 0 && elapsed > 1 ? duration(elapsed / f * (totalFiles - f)) : "…";
            if (mode == BulkLoad.Mode.BULK) eta += " +idx";
        }
        String rate = elapsed >= 1 ? count((long) (t / elapsed)) + "/s" : "…/s";
        return String.format(Locale.ROOT, "%s %3.0f%% %,d/%,d files %s triples %s ETA %s", bar(done),
                done * 100, f, totalFiles, count(t), rate, eta);
    }

    private static String bar(double done) {
        int n = (int) Math.round(Math.max(0, Math.min(1, done)) * BAR);
        return "[" + "#".repeat(n) + "-".repeat(BAR - n) + "]";
    }

    @Override
    public synchronized void close() {
        if (ticker != null) ticker.shutdownNow();
        if (drawn) {
            err.print("\r\033[K");
            err.flush();
            drawn = false;
        }
    }

    /** The line printed at the end of every load, terminal or not. */
    String summary(LoadPipeline.Summary s, Path dir) {
        double secs = seconds(System.nanoTime() - start);
        StringBuilder sb = new StringBuilder();
        sb.append("loaded ").append(String.format(Locale.ROOT, "%,d", s.loaded())).append(' ')
                .append(LoadCommand.plural(s.loaded(), "policy", "policies")).append(" into ").append(dir);
        sb.append(String.format(Locale.ROOT, " (%,d triples in %s, %s triples/s, %s)", s.quads(), duration(secs),
                count(secs > 0 ? (long) (s.quads() / secs) : s.quads()),
                s.mode() == BulkLoad.Mode.BULK ? "bulk load" : "transactions"));
        if (s.rejected() > 0) sb.append("; ").append(s.rejected()).append(lenient ? " skipped" : " rejected");
        if (unannotated > 0) {
            sb.append("; ").append(unannotated).append(LoadCommand.plural(unannotated, " file had", " files had"))
                    .append(" no marks (see docs/annotating.md)");
        }
        return sb.toString();
    }

    static double seconds(long nanos) {
        return nanos / 1e9;
    }

    /** 950, 12.3k, 4.56M. */
    static String count(long n) {
        if (n < 1_000) return Long.toString(n);
        if (n < 1_000_000) return String.format(Locale.ROOT, "%.1fk", n / 1e3);
        if (n < 1_000_000_000) return String.format(Locale.ROOT, "%.2fM", n / 1e6);
        return String.format(Locale.ROOT, "%.2fG", n / 1e9);
    }

    /** 0.4s, 42s, 3m05s, 1h02m. */
    static String duration(double s) {
        if (s < 10) return String.format(Locale.ROOT, "%.1fs", s);
        long secs = Math.round(s);
        if (secs < 60) return secs + "s";
        if (secs < 3600) return String.format(Locale.ROOT, "%dm%02ds", secs / 60, secs % 60);
        return String.format(Locale.ROOT, "%dh%02dm", secs / 3600, secs % 3600 / 60);
    }
}
