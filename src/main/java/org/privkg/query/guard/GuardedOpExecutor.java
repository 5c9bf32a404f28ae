package org.privkg.query.guard;

import org.apache.jena.sparql.algebra.op.OpPath;
import org.apache.jena.sparql.engine.ExecutionContext;
import org.apache.jena.sparql.engine.QueryIterator;
import org.apache.jena.sparql.engine.iterator.QueryIterPath;
import org.apache.jena.sparql.engine.main.OpExecutorFactory;
import org.apache.jena.tdb2.solver.OpExecutorTDB2;

/** TDB2's executor, with property paths walked over a {@link GuardedGraph}. */
final class GuardedOpExecutor extends OpExecutorTDB2 {
    static final OpExecutorFactory FACTORY = GuardedOpExecutor::new;

    private GuardedOpExecutor(ExecutionContext execCxt) {
        super(execCxt);
    }

    @Override
    protected QueryIterator execute(OpPath opPath, QueryIterator input) {
        ExecutionContext guarded = new ExecutionContext(execCxt, new GuardedGraph(execCxt.getActiveGraph(), Guard.signal(execCxt)));
        return new QueryIterPath(opPath.getTriplePath(), input, guarded);
    }
}
