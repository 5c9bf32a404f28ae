package org.privkg.annotation;

import java.util.ArrayList;
import java.util.List;

/** An {@link ErrorHandler} that collects every problem of one file, so all of them can be reported at once. */
public final class Diagnostics implements ErrorHandler {
    private final String file;
    private final List<Diagnostic> items = new ArrayList<>();

    public Diagnostics(String file) {
        this.file = file;
    }

    public String file() {
        return file;
    }

    @Override
    public void warning(String message, long line, long column) {
        items.add(new Diagnostic(Severity.WARNING, file, line, column, message));
    }

    @Override
    public void error(String message, long line, long column) {
        items.add(new Diagnostic(Severity.ERROR, file, line, column, message));
    }

    @Override
    public void fatal(String message, long line, long column) {
        items.add(new Diagnostic(Severity.FATAL, file, line, column, message));
    }

    public List<Diagnostic> all() {
        return List.copyOf(items);
    }

    public boolean hasErrors() {
        return items.stream().anyMatch(d -> d.severity() != Severity.WARNING);
    }
}
