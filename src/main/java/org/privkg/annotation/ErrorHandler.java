package org.privkg.annotation;

/** Receives the problems a parser finds, in the manner of RIOT's ErrorHandler. */
public interface ErrorHandler {
    void warning(String message, long line, long column);

    void error(String message, long line, long column);

    void fatal(String message, long line, long column);
}
