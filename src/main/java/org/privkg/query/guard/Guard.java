package org.privkg.query.guard;

import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.jena.query.QueryCancelledException;
import org.apache.jena.sparql.engine.ExecutionContext;
import org.apache.jena.sparql.function.FunctionEnv;
import org.apache.jena.sparql.util.Context;

/** The cancel signal of the query being evaluated, as Jena's timeout and {@code abort()} set it. */
final class Guard {
    /** For evaluation outside a cancellable query: never set. */
    private static final AtomicBoolean NEVER = new AtomicBoolean();

    private Guard() {
    }

    static AtomicBoolean signal(FunctionEnv env) {
        AtomicBoolean s = env instanceof ExecutionContext cxt ? cxt.getCancelSignal() : null;
        if (s == null && env != null) s = Context.getCancelSignal(env.getContext());
        return s == null ? NEVER : s;
    }

    static void check(AtomicBoolean signal) {
        if (signal.get()) throw new QueryCancelledException();
    }
}
