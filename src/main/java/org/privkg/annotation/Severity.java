package org.privkg.annotation;

/** How bad a problem in an input file is. */
public enum Severity {
    WARNING, ERROR, FATAL;

    public String word() {
        return this == WARNING ? "warning" : "error";
    }
}
