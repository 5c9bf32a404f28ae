package org.privkg.query;

import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.function.FunctionRegistry;
import org.apache.jena.sparql.pfunction.PropertyFunctionRegistry;
import org.apache.jena.sys.JenaSubsystemLifecycle;
import org.apache.jena.system.Txn;

/**
 * Registers privkg's SPARQL functions ({@link LabelContains}, {@link PolicyIdOf}, {@link IsNegated}) when Jena
 * initialises, through Jena's own subsystem mechanism (listed in META-INF/services), so that every query
 * in a JVM with privkg on the classpath knows them: {@code privkg query}, {@code privkg serve}, tests
 * and embedding code alike.
 */
public final class PrivkgFunctions implements JenaSubsystemLifecycle {
    @Override
    public void start() {
        PropertyFunctionRegistry.get().put(LabelContains.IRI, LabelContains.class);
        FunctionRegistry.get().put(PolicyIdOf.IRI, PolicyIdOf.class);
        FunctionRegistry.get().put(IsNegated.IRI, IsNegated.class);
    }

    /** Builds the dataset's tables for the functions ahead of the first query; quietly does nothing if it cannot. */
    public static void prepare(DatasetGraph dsg) {
        try {
            Txn.executeRead(dsg, () -> {
                DataItemLabels.TABLES.of(dsg, null);
                PolicyIdOf.TABLES.of(dsg, null);
                IsNegated.TABLES.of(dsg, null);
            });
        } catch (RuntimeException e) {
            // the dataset closed or failed meanwhile: the first query builds the tables, or says what is wrong
        }
    }

    @Override
    public void stop() {
    }

    /** After ARQ (its function registries) has started. */
    @Override
    public int level() {
        return 500;
    }
}
