package org.privkg.pipeline;

/** A policy that cannot be read, as the default error handler of {@link PolicyParser} reports it. */
public final class PolicyParseException extends RuntimeException {
    public PolicyParseException(String message) {
        super(message);
    }
}
