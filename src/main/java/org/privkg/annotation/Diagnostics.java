package org.privkg.annotation;

import java.util.ArrayList;
import java.util.List;

/**
 * An {@link ErrorHandler} that collects the problems of one file, so they can be reported at once. It
 * keeps the first {@link #LIMIT} and only counts the rest: a file of nothing but brackets has a problem
 * per byte, and a million lines of diagnostics (or the memory to hold them) helps no one.
 */
public final class Diagnostics implements ErrorHandler {
    /** How many diagnostics of one file are kept and shown; README ("Bad input") says so. */
    public static final int LIMIT = 100;

    private final String file;
    private final List<Diagnostic> items = new ArrayList<>();
    private long omitted;
    private boolean errors;

    public Diagnostics(String file) {
        this.file = file;
    }

    public String file() {
        return file;
    }

    @Override
    public void warning(String message, long line, long column) {
        add(new Diagnostic(Severity.WARNING, file, line, column, message));
    }

    @Override
    public void error(String message, long line, long column) {
        add(new Diagnostic(Severity.ERROR, file, line, column, message));
    }

    @Override
    public void fatal(String message, long line, long column) {
        add(new Diagnostic(Severity.FATAL, file, line, column, message));
    }

    /** A problem found in another file than this one's, such as the .ann file beside a brat text. */
    public void report(Severity severity, String inFile, String message, long line, long column) {
        add(new Diagnostic(severity, inFile, line, column, message));
    }

    private void add(Diagnostic d) {
        if (d.severity() != Severity.WARNING) errors = true;
        if (items.size() < LIMIT) items.add(d);
        else omitted++;
    }

    /** The diagnostics kept: the first {@link #LIMIT}, in the order they were found. */
    public List<Diagnostic> all() {
        return List.copyOf(items);
    }

    /** How many diagnostics were found past the first {@link #LIMIT} and not kept. */
    public long omitted() {
        return omitted;
    }

    /** The line that stands for the diagnostics not kept ('FILE: … and N more'), or null when all were kept. */
    public String omittedLine() {
        return omitted == 0 ? null
                : file + ": … and " + omitted + " more (only the first " + LIMIT + " problems of a file are listed)";
    }

    /** True when any error was found, kept or not. */
    public boolean hasErrors() {
        return errors;
    }
}
