package org.privkg.annotation;

/** One problem found in an input file, positioned by line and column (both 1-based, columns in code points). */
public record Diagnostic(Severity severity, String file, long line, long column, String message) {

    /** The compiler-style form users see: {@code FILE:LINE:COL: error: MESSAGE}. */
    @Override
    public String toString() {
        String where = line > 0 ? file + ":" + line + ":" + Math.max(column, 1) : file;
        return where + ": " + severity.word() + ": " + message;
    }
}
