package org.privkg.store;

import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.TxnType;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.store.NodeIdFactory;
import org.apache.jena.tdb2.store.nodetable.NodeTable;
import org.apache.jena.tdb2.store.tupletable.TupleIndex;
import org.apache.jena.tdb2.sys.TDBInternal;
import org.privkg.vocab.PK;

/**
 * The single writer of a large load: takes whole policies (their quads, already extracted and
 * checked) one at a time and stores them in one of two ways.
 * <ul>
 * <li>{@link Mode#BULK}, for a dataset that holds no policy yet: the quads' nodes go to TDB2's node
 * table as they come (one write transaction), their NodeId tuples to a scratch file ({@link QuadSpill});
 * at {@link #finish()} each of the six quad indexes is built bottom-up from sorted tuples
 * ({@link IndexPacker}), the way Jena's xloader does, instead of inserting quad after quad into
 * B+trees. If the load fails, nothing of it is stored; if the process dies in the index phase, a marker
 * file makes the dataset refuse to open, with a message, rather than answer from partial indexes.</li>
 * <li>{@link Mode#TRANSACTIONS}, for a dataset that already holds policies: write transactions
 * bounded by the quads they delete and add ({@link #TRANSACTION_CHANGES}), not by files. A policy's
 * replacement (only the quads that differ, {@link GraphReplacement}) is written whole in one
 * transaction, so every policy is replaced atomically; one whose change alone exceeds the bound gets a
 * transaction of its own. A failed transaction leaves the store as the last committed one left it.</li>
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

        /**
         * The index phase of a {@link Mode#BULK} load: index {@code name}, the {@code number}th of
         * {@code of}, has {@code done} of about {@code total} records.
         */
        default void indexing(String name, int number, int of, long done, long total) {
        }

        /** {@link Mode#TRANSACTIONS}: a write transaction of {@code policies} policies, {@code changes} quads deleted or added, committed. */
        default void committed(int policies, long changes) {
        }
    }

    /**
     * Quads deleted plus added per write transaction in {@link Mode#TRANSACTIONS} (a policy is never
     * split, so one transaction may exceed it by one policy's change).
     */
    static final int TRANSACTION_CHANGES = (int) Math.min(200_000, connectionChanges());
    /**
     * Quads changed after which the dataset is closed and opened again between transactions, in TDB2's
     * direct file mode only: there every changed quad leaves heap behind until the dataset is closed
     * ({@link PolicyStore#HEAP_PER_CHANGED_QUAD}, commits or not), so a long reload ran out of memory
     * whatever the size of its transactions. A quarter of the heap: 480,000 quads under 768 MiB.
     */
    static long connectionChanges() {
        return Math.max(10_000, Runtime.getRuntime().maxMemory() / 4 / PolicyStore.HEAP_PER_CHANGED_QUAD);
    }

    private final PolicyStore store;
    private DatasetGraph dsg;
    private final Mode mode;
    private final Listener listener;
    private final Set<String> ids = new HashSet<>();
    private final VersionArchive archive;
    /** Tuples sorted in memory at a time when building an index: 4M × 32 bytes = 128 MB of heap. */
    static final int SORT_ROWS = 4_000_000;
    /** Present in the dataset directory while a bulk load's indexes are incomplete. */
    static final String INCOMPLETE_MARKER = "privkg-bulk-load-incomplete";

    private NodeTable nodes;
    private QuadSpill spill;
    private final ByteBuffer nodeId = ByteBuffer.allocate(Long.BYTES);
    private boolean indexing;
    private boolean ontologyChecked;
    private int pendingPolicies;
    private long pendingChanges;
    private long changesSinceConnect;
    private long changed;
    private final int transactionChanges;
    private long quads;
    private boolean closed;

    private final int sortRows;

    private BulkLoad(PolicyStore store, Mode mode, Listener listener, int sortRows, int transactionChanges) {
        this.sortRows = sortRows;
        this.transactionChanges = transactionChanges;
        this.store = store;
        this.dsg = store.dataset();
        this.mode = mode;
        this.listener = listener == null ? new Listener() { } : listener;
        this.archive = new VersionArchive(store.dir());
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
        return start(store, mode, listener, SORT_ROWS, TRANSACTION_CHANGES);
    }

    /** As {@link #start(PolicyStore, Mode, Listener)}, sorting at most {@code sortRows} tuples in memory at a time. */
    static BulkLoad start(PolicyStore store, Mode mode, Listener listener, int sortRows) {
        return start(store, mode, listener, sortRows, TRANSACTION_CHANGES);
    }

    /** As {@link #start(PolicyStore, Mode, Listener, int)}, with {@code transactionChanges} quads changed per transaction. */
    static BulkLoad start(PolicyStore store, Mode mode, Listener listener, int sortRows, int transactionChanges) {
        BulkLoad load = new BulkLoad(store, mode, listener, sortRows, transactionChanges);
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
        // Indexes are packed into B+trees never written before. A dataset that held something (the
        // ontology, or policies since deleted) holds nothing a user gave it: start it again from empty
        // files. The ontology is streamed in with the policies.
        if (Txn.calculateRead(dsg, () -> !TDBInternal.getDatasetGraphTDB(dsg).getQuadTable().getNodeTupleTable().getNodeTable().isEmpty())) {
            store.recreate();
            dsg = store.dataset();
        } else {
            store.removeBulkScratch();
        }
        dsg.begin(TxnType.WRITE);
        try {
            nodes = TDBInternal.getDatasetGraphTDB(dsg).getQuadTable().getNodeTupleTable().getNodeTable();
            spill = new QuadSpill(store.dir());
            PolicyStore.Ontology.graph().find().forEachRemaining(t -> {
                spill(Quad.create(ontology, t));
                quads++;
            });
        } catch (RuntimeException e) {
            abort(e);
            throw e;
        }
    }

    private void spill(Quad q) {
        spill.add(id(q.getGraph()), id(q.getSubject()), id(q.getPredicate()), id(q.getObject()));
    }

    private long id(Node n) {
        NodeIdFactory.set(nodes.getAllocateNodeId(n), nodeId, 0);
        return nodeId.getLong(0);
    }

    private void markIncomplete(boolean incomplete) {
        Path marker = store.dir().resolve(INCOMPLETE_MARKER);
        try {
            if (incomplete) Files.writeString(marker, "a bulk load into this dataset has not finished building its indexes\n");
            else Files.deleteIfExists(marker);
        } catch (java.io.IOException e) {
            throw new StoreException("cannot write " + marker + ": " + e.getMessage(), e);
        }
    }

    /**
     * Stores one policy: all of {@code policyQuads} must be in the policy's graph, or describe that
     * graph in {@link PK#PROVENANCE_GRAPH} (its provenance, replaced with it). In
     * {@link Mode#BULK} a policy id may come only once (its graph cannot be replaced within the
     * load); in {@link Mode#TRANSACTIONS} a later policy with the same id replaces the earlier one.
     */
    public void add(String policyId, List<Quad> policyQuads) {
        if (closed) throw new IllegalStateException("the load is finished");
        if (mode == Mode.BULK) {
            if (!ids.add(policyId)) {
                throw new IllegalArgumentException("policy " + policyId + " is already in this bulk load");
            }
            for (Quad q : policyQuads) spill(q);
        } else {
            replace(policyId, store.policyGraph(policyId), policyQuads);
        }
        quads += policyQuads.size();
        listener.stored(policyId, policyQuads.size());
        if (mode == Mode.TRANSACTIONS && pendingChanges >= transactionChanges) commit();
    }

    private void replace(String policyId, Node graph, List<Quad> policyQuads) {
        if (!dsg.isInTransaction()) begin();
        GraphReplacement change = GraphReplacement.of(dsg, graph, policyQuads);
        if (pendingPolicies > 0 && pendingChanges + change.changes() > transactionChanges) {
            // too much for what is pending: that goes first, and this policy starts the next transaction
            commit();
            begin();
            change = GraphReplacement.of(dsg, graph, policyQuads);
        }
        // the version replaced is on disk before the write that replaces it can commit
        if (change.replacesVersion()) archive.keep(dsg, policyId, graph);
        change.apply(dsg);
        pendingPolicies++;
        pendingChanges += change.changes();
    }

    private void begin() {
        dsg.begin(TxnType.WRITE);
        if (!ontologyChecked) {
            store.ensureOntology();
            ontologyChecked = true;
        }
    }

    private void commit() {
        if (!dsg.isInTransaction()) return;
        dsg.commit();
        dsg.end();
        changesSinceConnect += pendingChanges;
        changed += pendingChanges;
        listener.committed(pendingPolicies, pendingChanges);
        pendingPolicies = 0;
        pendingChanges = 0;
        if (changesSinceConnect >= connectionChanges() && PolicyStore.inDirectFileMode()) {
            store.reconnect();
            dsg = store.dataset();
            changesSinceConnect = 0;
        }
    }

    /** Quads deleted and added so far in {@link Mode#TRANSACTIONS} (committed or pending). */
    public long changes() {
        return changed + pendingChanges;
    }

    /**
     * Makes the load durable. {@link Mode#BULK}: builds the six quad indexes (the long part of a large
     * load). When this throws, nothing since the last commit is stored.
     */
    public void finish() {
        if (closed) return;
        if (mode == Mode.BULK) {
            try {
                buildIndexes();
            } catch (RuntimeException e) {
                abort(e);
                throw e;
            }
            closed = true;
        } else {
            closed = true;
            if (!dsg.isInTransaction() && !ontologyChecked) {
                // nothing was added: still make sure the ontology is there and current
                Txn.executeWrite(dsg, store::ensureOntology);
            }
            commit();
        }
    }

    private void buildIndexes() {
        // from the node table's commit until the indexes are built, a killed process leaves a dataset
        // whose indexes do not match its nodes (before it, TDB2's recovery drops the uncommitted nodes)
        markIncomplete(true);
        dsg.commit(); // the node table
        dsg.end();
        spill.seal();
        indexing = true;
        TupleIndex[] indexes = quadIndexes();
        IndexPacker packer = new IndexPacker((int) Math.max(1, Math.min(sortRows, spill.rows())), store.dir());
        long total = spill.rows();
        for (int i = 0; i < indexes.length; i++) {
            String name = indexes[i].getName();
            int number = i + 1;
            listener.indexing(name, number, indexes.length, 0, total);
            packer.pack(indexes[i], spill, done -> listener.indexing(name, number, indexes.length, done, total));
        }
        spill.close();
        // the dataset's in-memory B+tree objects predate the packed files: open them afresh
        store.reconnect();
        dsg = store.dataset();
        indexing = false;
        markIncomplete(false);
    }

    private TupleIndex[] quadIndexes() {
        return TDBInternal.getDatasetGraphTDB(dsg).getQuadTable().getNodeTupleTable().getTupleTable().getIndexes();
    }

    /** Gives the load up: nothing since the last commit is stored. */
    public void abort(Throwable cause) {
        if (closed) return;
        closed = true;
        if (mode == Mode.BULK) {
            if (dsg.isInTransaction()) {
                dsg.abort();
                dsg.end();
            }
            // the spill (a file in the dataset directory) is closed and deleted before the files are redone
            if (spill != null) spill.close();
            // some indexes may be packed and the node table is committed: the dataset held nothing of the
            // user's before this load, so it starts again from empty files; only then is it whole again (a
            // failed start leaves the marker, and the dataset refuses to open)
            if (indexing) {
                store.recreate();
                dsg = store.dataset();
            }
            markIncomplete(false);
        } else if (dsg.isInTransaction()) {
            dsg.abort();
            dsg.end();
        }
    }
}
