package org.privkg.query.guard;

import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.graph.impl.WrappedGraph;
import org.apache.jena.util.iterator.ExtendedIterator;
import org.apache.jena.util.iterator.NiceIterator;

/**
 * The graph a property path walks, checking its query's cancel signal at every look-up and every few
 * hundred triples read. Jena evaluates {@code p*} from a node to its whole closure before it returns a
 * row, and only checks for cancellation between rows.
 */
final class GuardedGraph extends WrappedGraph {
    private static final int CHECK_EVERY = 256;
    private final AtomicBoolean cancelled;

    GuardedGraph(Graph base, AtomicBoolean cancelled) {
        super(base);
        this.cancelled = cancelled;
    }

    @Override
    public ExtendedIterator<Triple> find(Triple pattern) {
        Guard.check(cancelled);
        return guard(super.find(pattern));
    }

    @Override
    public ExtendedIterator<Triple> find(Node s, Node p, Node o) {
        Guard.check(cancelled);
        return guard(super.find(s, p, o));
    }

    private ExtendedIterator<Triple> guard(ExtendedIterator<Triple> it) {
        return new NiceIterator<>() {
            private int reads;

            @Override
            public boolean hasNext() {
                if (++reads == CHECK_EVERY) {
                    reads = 0;
                    Guard.check(cancelled);
                }
                return it.hasNext();
            }

            @Override
            public Triple next() {
                return it.next();
            }

            @Override
            public void close() {
                it.close();
            }
        };
    }
}
