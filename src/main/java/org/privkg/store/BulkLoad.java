package org.privkg.store;

import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.TxnType;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.system.Txn;
import org.apache.jena.system.progress.MonitorOutput;
import org.apache.jena.tdb2.loader.DataLoader;
import org.apache.jena.tdb2.loader.LoaderFactory;
import org.privkg.vocab.PK;

/**
 * The single writer of a large load: takes whole policies (their quads, already extracted and
 * checked) one at a time and stores them in one of two ways.
 * <ul>
 * <li>{@link Mode#BULK}, for a dataset that holds no policy yet: TDB2's sequential bulk loader
 * (Jena's fastest on two cores), fed straight from memory, with no intermediate file. It writes the
 * primary indexes while the quads stream in and builds the secondary indexes at {@link #finish()}. The
 * whole load is one transaction: if it fails, nothing of it is stored.</li>
 * <li>{@link Mode#TRANSACTIONS}, for a dataset that already holds policies: batched write
 * transactions. A policy's old graph is deleted and its new quads added in the same transaction,
 * so every policy is replaced atomically; a failed batch leaves the store as the last committed
 * batch left it.</li>
 * </ul>
 * Use from one thread: TDB2 transactions belong to the thread that began them.
 */
public final class BulkLoad {
    public enum Mode { BULK, TRANSACTIONS }

    /** Lets a progress display follow the writer. Called in the writer's thread. */
    public interface Listener {
        /** A policy's quads went to the store (not yet committed). */
        default void stored(String policyId, int quads) {
        }

        /** A progress message of TDB2's loader, e.g. while it builds the secondary indexes. */
        default void loaderMessage(String message) {
        }

        /** Policies since the last commit were committed. */
        default void committed(int policies) {
        }
    }

    /** Policies per write transaction in {@link Mode#TRANSACTIONS}, and a cap on quads per transaction. */
    static final int BATCH_POLICIES = 200;
    static final int BATCH_QUADS = 250_000;

    private final PolicyStore store;
    private final DatasetGraph dsg;
    private final Mode mode;
    private final Listener listener;
    private final Set<String> ids = new HashSet<>();
    private DataLoader loader;
    private StreamRDF stream;
    private boolean ontologyChecked;
    private int pendingPolicies;
    private int pendingQuads;
    private long quads;
    private boolean closed;

    private BulkLoad(PolicyStore store, Mode mode, Listener listener) {
        this.store = store;
        this.dsg = store.dataset();
        this.mode = mode;
        this.listener = listener == null ? new Listener() { } : listener;
    }

    /**
     * Starts a load: {@link Mode#BULK} when the dataset holds no policy graph (only, perhaps, the
     * ontology), else {@link Mode#TRANSACTIONS}.
     */
    public static BulkLoad start(PolicyStore store, Listener listener) {
        return start(store, isFresh(store) ? Mode.BULK : Mode.TRANSACTIONS, listener);
    }

    /** Starts a load in the given mode; {@link Mode#BULK} needs a dataset without policies. */
    public static BulkLoad start(PolicyStore store, Mode mode, Listener listener) {
        BulkLoad load = new BulkLoad(store, mode, listener);
        if (mode == Mode.BULK) load.startBulk();
        return load;
    }

    /** True when the dataset holds nothing but, perhaps, the ontology graph. */
    public static boolean isFresh(PolicyStore store) {
        DatasetGraph dsg = store.dataset();
        Node ontology = NodeFactory.createURI(PK.ONTOLOGY_GRAPH);
        return Txn.calculateRead(dsg, () -> {
            if (dsg.getDefaultGraph().size() > 0) return false;
            Iterator<Node> graphs = dsg.listGraphNodes();
            while (graphs.hasNext()) {
                if (!graphs.next().equals(ontology)) return false;
            }
            return true;
        });
    }

    public Mode mode() {
        return mode;
    }

    /** Quads handed to the store so far, the ontology's included. */
    public long quads() {
        return quads;
    }

    private void startBulk() {
        Node ontology = NodeFactory.createURI(PK.ONTOLOGY_GRAPH);
        // The sequential loader drops and rebuilds the secondary indexes only when the quad table is
        // empty; with the ontology graph already there it would maintain all six indexes quad by quad.
        // Take the ontology out (in a transaction of its own) and stream it in with the policies.
        Txn.executeWrite(dsg, () -> dsg.deleteAny(ontology, Node.ANY, Node.ANY, Node.ANY));
        MonitorOutput output = (fmt, args) -> listener.loaderMessage(args == null || args.length == 0 ? fmt
                : String.format(fmt, args));
        loader = LoaderFactory.sequentialLoader(dsg, output);
        loader.startBulk();
        try {
            stream = loader.stream();
            stream.start();
            PolicyStore.Ontology.graph().find().forEachRemaining(t -> {
                stream.quad(Quad.create(ontology, t));
                quads++;
            });
        } catch (RuntimeException e) {
            loader.finishException(e);
            closed = true;
            throw e;
        }
    }

    /**
     * Stores one policy: all of {@code policyQuads} must be in the policy's graph. In
     * {@link Mode#BULK} a policy id may come only once (its graph cannot be replaced within the
     * load); in {@link Mode#TRANSACTIONS} a later policy with the same id replaces the earlier one.
     */
    public void add(String policyId, List<Quad> policyQuads) {
        if (closed) throw new IllegalStateException("the load is finished");
        if (mode == Mode.BULK) {
            if (!ids.add(policyId)) {
                throw new IllegalArgumentException("policy " + policyId + " is already in this bulk load");
            }
            for (Quad q : policyQuads) stream.quad(q);
        } else {
            if (pendingPolicies == 0) {
                dsg.begin(TxnType.WRITE);
                if (!ontologyChecked) {
                    store.ensureOntology();
                    ontologyChecked = true;
                }
            }
            dsg.deleteAny(store.policyGraph(policyId), Node.ANY, Node.ANY, Node.ANY);
            for (Quad q : policyQuads) dsg.add(q);
            pendingPolicies++;
            pendingQuads += policyQuads.size();
        }
        quads += policyQuads.size();
        listener.stored(policyId, policyQuads.size());
        if (mode == Mode.TRANSACTIONS && (pendingPolicies >= BATCH_POLICIES || pendingQuads >= BATCH_QUADS)) commit();
    }

    private void commit() {
        if (pendingPolicies == 0) return;
        dsg.commit();
        dsg.end();
        listener.committed(pendingPolicies);
        pendingPolicies = 0;
        pendingQuads = 0;
    }

    /**
     * Makes the load durable. {@link Mode#BULK}: builds the secondary indexes (the long part of a large
     * load) and commits. When this throws, nothing since the last commit is stored.
     */
    public void finish() {
        if (closed) return;
        closed = true;
        if (mode == Mode.BULK) {
            try {
                stream.finish();
                loader.finishBulk();
            } catch (RuntimeException e) {
                loader.finishException(e);
                throw e;
            }
            listener.committed(ids.size());
        } else {
            if (pendingPolicies == 0 && !ontologyChecked) {
                // nothing was added: still make sure the ontology is there and current
                Txn.executeWrite(dsg, store::ensureOntology);
            }
            commit();
        }
    }

    /**
     * Gives the load up: nothing since the last commit is stored. After a failed {@link Mode#BULK}
     * load, close the store: TDB2's loader leaves its in-memory index set detached.
     */
    public void abort(Throwable cause) {
        if (closed) return;
        closed = true;
        Exception ex = cause instanceof Exception e ? e : new RuntimeException(cause);
        if (mode == Mode.BULK) {
            loader.finishException(ex);
        } else if (dsg.isInTransaction()) {
            dsg.abort();
            dsg.end();
        }
    }
}
