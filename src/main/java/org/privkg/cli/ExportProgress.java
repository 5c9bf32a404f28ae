package org.privkg.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Locale;
import org.privkg.rdf.DatasetExport;

/**
 * What an export shows on standard error: on a terminal, a line redrawn in place (as load's
 * {@link Progress}) with the triples written and the rate, at most five times a second; when it
 * writes to a file, a one-line summary at the end. Standard output stays the export's alone.
 */
final class ExportProgress implements DatasetExport.Progress, AutoCloseable {
    private static final long REDRAW_NS = 200_000_000L;

    private final PrintStream err;
    private final boolean bar;
    private final long start = System.nanoTime();
    private long lastDraw = start;
    private boolean drawn;

    ExportProgress(PrintStream err, boolean bar) {
        this.err = err;
        this.bar = bar;
    }

    @Override
    public void triples(long done) {
        if (!bar) return;
        long now = System.nanoTime();
        if (now - lastDraw < REDRAW_NS) return;
        lastDraw = now;
        err.print(String.format(Locale.ROOT, "\r\033[Kexporting: %,d triples, %s triples/s", done, rate(done, now)));
        err.flush();
        drawn = true;
    }

    /** The summary, when the export went to a file (the terminal then has nothing else of it). */
    void done(long count, String what, Path output) {
        erase();
        if (output == null) return;
        double s = (System.nanoTime() - start) / 1e9;
        err.println(String.format(Locale.ROOT, "exported %,d %s to %s in %.1fs", count, what, output, s));
    }

    private String rate(long done, long now) {
        double s = Math.max(1e-3, (now - start) / 1e9);
        double r = done / s;
        return r >= 1e6 ? String.format(Locale.ROOT, "%.1fM", r / 1e6) : String.format(Locale.ROOT, "%.1fk", r / 1e3);
    }

    private void erase() {
        if (drawn) {
            err.print("\r\033[K");
            err.flush();
            drawn = false;
        }
    }

    @Override
    public void close() {
        erase();
    }
}
