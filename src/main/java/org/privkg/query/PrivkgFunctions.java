package org.privkg.query;

import org.apache.jena.sys.JenaSubsystemLifecycle;

/**
 * Registers privkg's SPARQL functions ({@link LabelContains}) when Jena initialises, through Jena's own
 * subsystem mechanism (listed in META-INF/services), so that every query in a JVM with privkg on the
 * classpath knows them: {@code privkg query}, {@code privkg serve}, tests and embedding code alike.
 */
public final class PrivkgFunctions implements JenaSubsystemLifecycle {
    @Override
    public void start() {
        LabelContains.register();
    }

    @Override
    public void stop() {
    }

    /** After ARQ (its property-function registry) has started. */
    @Override
    public int level() {
        return 500;
    }
}
