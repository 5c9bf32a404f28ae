package org.privkg.query.guard;

import java.net.URI;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.jena.query.ARQ;
import org.apache.jena.query.QueryDeniedException;
import org.apache.jena.sparql.ARQConstants;
import org.apache.jena.sparql.algebra.optimize.Optimize;
import org.apache.jena.sparql.algebra.optimize.RewriteFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.engine.main.QC;
import org.apache.jena.sparql.service.ServiceExecutorRegistry;
import org.apache.jena.sparql.util.Context;
import org.apache.jena.sparql.util.Symbol;

/**
 * Makes every query on a dataset stoppable at its limit, whatever it does, and keeps it from reaching
 * out of the machine unless allowed:
 * <ul>
 * <li>regular expressions and property paths check the query's cancel signal as they work (Jena
 * checks it only between rows, and a regex or a path closure can run for hours inside one row);</li>
 * <li>{@link #cancelAll} cancels every query still running, for a prompt, clean shutdown;</li>
 * <li>{@code SERVICE} is refused, or allowed only to the hosts named.</li>
 * </ul>
 */
public final class QueryGuard {
    private static final Symbol RUNNING = Symbol.create("https://w3id.org/privkg/ontology#runningQueries");

    /** Cancel signals of the queries planned on one dataset; weak, so finished ones fall away. */
    private static final class Running {
        final Set<AtomicBoolean> signals = Collections.synchronizedSet(Collections.newSetFromMap(new WeakHashMap<>()));
        volatile boolean stopping;

        void watch(Context queryCxt) {
            AtomicBoolean signal = Context.getCancelSignal(queryCxt);
            if (signal == null) return;
            signals.add(signal);
            if (stopping) signal.set(true);
        }
    }

    private QueryGuard() {
    }

    /** Makes the queries on dsg stoppable at their limit, and on {@link #cancelAll}. */
    public static void install(DatasetGraph dsg) {
        Context cxt = dsg.getContext();
        RewriteFactory standard = Optimize.getFactory();
        Running running = new Running();
        cxt.set(RUNNING, running);
        cxt.set(ARQConstants.sysOptimizerFactory, (RewriteFactory) queryCxt -> {
            running.watch(queryCxt);
            var optimizer = standard.create(queryCxt);
            // guarded first: the optimizer folds constant expressions, and would run a plain regex doing so
            return op -> refuseUnstoppable(optimizer.rewrite(GuardedExpressions.apply(op)));
        });
        QC.setFactory(cxt, GuardedOpExecutor.FACTORY);
    }

    /** apf:strSplit splits by a regular expression that no cancel signal reaches; it is refused, by any name. */
    private static final Set<String> UNSTOPPABLE = Set.of("http://jena.apache.org/ARQ/property#strSplit",
            "java:org.apache.jena.sparql.pfunction.library.strSplit");

    private static org.apache.jena.sparql.algebra.Op refuseUnstoppable(org.apache.jena.sparql.algebra.Op op) {
        org.apache.jena.sparql.algebra.OpWalker.walk(op, new org.apache.jena.sparql.algebra.OpVisitorBase() {
            @Override
            public void visit(org.apache.jena.sparql.algebra.op.OpPropFunc opPropFunc) {
                String iri = opPropFunc.getProperty().getURI();
                if (UNSTOPPABLE.contains(iri)) {
                    throw new QueryDeniedException("<" + iri + "> splits text by a regular expression that the time limit "
                            + "cannot stop; use REGEX, REPLACE or STRBEFORE/STRAFTER instead");
                }
            }
        });
        return op;
    }

    /**
     * Limits SERVICE on dsg to the hosts named ({@code host} or {@code host:port}, http and https);
     * none refuses SERVICE altogether, so that a query cannot make the server fetch a URL of its choice.
     */
    public static void restrictService(DatasetGraph dsg, List<String> serviceHosts) {
        Context cxt = dsg.getContext();
        cxt.set(ARQ.httpServiceAllowed, !serviceHosts.isEmpty());
        if (!serviceHosts.isEmpty()) {
            Set<String> allowed = serviceHosts.stream().map(h -> h.toLowerCase(Locale.ROOT)).collect(java.util.stream.Collectors.toSet());
            ServiceExecutorRegistry registry = ServiceExecutorRegistry.get().copy();
            registry.addSingleLink((opExec, opOrig, binding, execCxt, chain) -> {
                String iri = opExec.getService().isURI() ? opExec.getService().getURI() : String.valueOf(opExec.getService());
                if (!allowed(iri, allowed)) {
                    throw new QueryDeniedException("SERVICE <" + iri + ">: its host is not among those the server allows ("
                            + String.join(", ", serviceHosts) + ")");
                }
                return chain.createExecution(opExec, opOrig, binding, execCxt);
            });
            ServiceExecutorRegistry.set(cxt, registry);
        }
    }

    private static boolean allowed(String iri, Set<String> hosts) {
        try {
            URI u = URI.create(iri);
            if (u.getHost() == null || !(u.getScheme().equalsIgnoreCase("http") || u.getScheme().equalsIgnoreCase("https"))) return false;
            String host = u.getHost().toLowerCase(Locale.ROOT);
            return hosts.contains(host) || (u.getPort() >= 0 && hosts.contains(host + ":" + u.getPort()));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /**
     * Cancels every query running on dsg (guarded by {@link #install}), and every one that starts until
     * {@link #resume}: a server stopping cancels what its last requests start too.
     */
    public static void cancelAll(DatasetGraph dsg) {
        Running running = dsg.getContext().get(RUNNING);
        if (running == null) return;
        running.stopping = true;
        synchronized (running.signals) {
            for (AtomicBoolean s : running.signals) s.set(true);
        }
    }

    /** Lets queries on dsg run again after {@link #cancelAll}: the store outlives a server over it. */
    public static void resume(DatasetGraph dsg) {
        Running running = dsg.getContext().get(RUNNING);
        if (running != null) running.stopping = false;
    }
}
