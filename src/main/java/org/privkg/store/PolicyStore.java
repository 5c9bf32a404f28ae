package org.privkg.store;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.jena.atlas.io.IOX;
import org.apache.jena.dboe.base.block.FileMode;
import org.apache.jena.dboe.base.file.AlreadyLocked;
import org.apache.jena.dboe.sys.SystemIndex;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.DatabaseMgr;
import org.apache.jena.tdb2.TDB2;
import org.apache.jena.tdb2.params.StoreParams;
import org.apache.jena.tdb2.sys.TDBInternal;
import org.privkg.query.guard.QueryGuard;
import org.privkg.rdf.Iris;
import org.privkg.vocab.PK;

/**
 * The TDB2 dataset: one named graph per policy, the ontology in its own graph, and the union of all
 * graphs as the default graph for queries (docs/annotating.md).
 */
public final class PolicyStore implements AutoCloseable {
    private final Path dir;
    private DatasetGraph dsg;
    private final Iris iris;

    private PolicyStore(Path dir, DatasetGraph dsg, Iris iris) {
        this.dir = dir;
        this.dsg = dsg;
        this.iris = iris;
    }

    /** Opens (creating when missing) the dataset in dir. */
    public static PolicyStore open(Path dir, String base) {
        try {
            Files.createDirectories(dir);
            PolicyStore store = new PolicyStore(dir, connect(dir), new Iris(base));
            if (Files.exists(dir.resolve(BulkLoad.INCOMPLETE_MARKER))) store.discardInterruptedBulkLoad();
            return store;
        } catch (java.io.IOException e) {
            throw new StoreException("cannot create the dataset directory " + dir + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            // TDB2 reports a lock held by another process as DBOpEnvException or AlreadyLocked
            if (isLock(e)) throw new StoreLockedException(dir, e);
            throw new StoreException("cannot open the dataset at " + dir + ": " + e.getMessage(), e);
        }
    }

    /**
     * Makes TDB2 read and write its index files through caches of a fixed number of blocks in the Java
     * heap ("direct" file mode) instead of mapping them into memory. TDB2's default maps the files: a
     * large load then touches every page of every index, and all those pages count in the process's
     * resident memory (about 4 GB after 10,000 policies) although they are the kernel's page cache.
     * In direct mode resident memory stays within the heap plus the JVM's own, whatever the size of
     * the dataset, at the price of a system call per block missed: B+tree updates take about twice the
     * CPU (a bulk load, which packs its indexes instead of updating them, barely notices). JVM-wide:
     * call before the first dataset is opened; returns whether the mode is in force.
     */
    public static boolean useDirectFileMode() {
        SystemIndex.setFileMode(FileMode.direct);
        return SystemIndex.fileMode() == FileMode.direct;
    }

    /** Whether TDB2 reads and writes through heap caches ({@link #useDirectFileMode()}) rather than maps. */
    static boolean inDirectFileMode() {
        return SystemIndex.fileMode() == FileMode.direct;
    }

    /**
     * Bytes of heap a changed quad leaves behind in direct mode until the dataset is closed (measured on
     * Jena 5.6: 250 to 400 bytes, committed or not; mapped mode: none). See {@link BulkLoad}.
     */
    static final long HEAP_PER_CHANGED_QUAD = 400;
    /** B+tree files in use (six quad indexes, the node table's index: two files each). */
    private static final int INDEX_FILES = 14;

    /**
     * The caches of direct mode, sized from the heap. TDB2's defaults (5,000 read and 1,000 write blocks
     * of 8 KiB for each B+tree file, a million decoded nodes) add up to more than the launcher's 768 MiB
     * once a long reload has touched enough distinct blocks. Here a fifth of the heap goes to block
     * caches (14 files × 1,340 blocks under 768 MiB) and a tenth to each node cache (at ~400 bytes a node).
     */
    static StoreParams directCaches(long maxHeap) {
        int blocksPerFile = (int) Math.max(50, Math.min(6_000, maxHeap / 5 / INDEX_FILES / 8192));
        int nodes = (int) Math.max(10_000, Math.min(1_000_000, maxHeap / 10 / 400));
        return StoreParams.builder()
                .fileMode(FileMode.direct)
                .blockReadCacheSize(blocksPerFile * 4 / 5)
                .blockWriteCacheSize(blocksPerFile / 5)
                .nodeId2NodeCacheSize(nodes)
                .node2NodeIdCacheSize(nodes)
                .build();
    }

    private static DatasetGraph connect(Path dir) {
        DatasetGraph dsg;
        if (inDirectFileMode()) {
            // TDB2 writes the settings a dataset is created with to tdb.cfg, where they would pin every
            // later open (serve's too) to direct mode and these caches: they are meant for this process only
            Path cfg = dir.resolve("tdb.cfg");
            boolean hadCfg = Files.exists(cfg);
            dsg = DatabaseMgr.connectDatasetGraph(dir.toString(), directCaches(Runtime.getRuntime().maxMemory()));
            try {
                if (!hadCfg) Files.deleteIfExists(cfg);
            } catch (java.io.IOException e) {
                throw new StoreException("cannot remove " + cfg + ": " + e.getMessage(), e);
            }
        } else {
            dsg = DatabaseMgr.connectDatasetGraph(dir.toString());
        }
        dsg.getContext().set(TDB2.symUnionDefaultGraph, true);
        QueryGuard.install(dsg);
        return dsg;
    }

    /**
     * A bulk load killed while it built the indexes left a node table that its indexes do not match.
     * A bulk load starts only on a dataset without policies, so nothing of the user's is lost by
     * emptying it: the dataset opens empty and the next load starts afresh. The marker goes last, so
     * a process killed in here leaves it for the next open to finish the job.
     */
    private void discardInterruptedBulkLoad() {
        recreate();
        try {
            Files.deleteIfExists(dir.resolve(BulkLoad.INCOMPLETE_MARKER));
        } catch (java.io.IOException e) {
            close();
            throw new StoreException("cannot remove " + dir.resolve(BulkLoad.INCOMPLETE_MARKER) + ": " + e.getMessage(), e);
        }
        interruptedBulkLoadDiscarded = true;
    }

    private boolean interruptedBulkLoadDiscarded;

    /** Whether opening found a bulk load interrupted while building its indexes and emptied the dataset. */
    public boolean interruptedBulkLoadDiscarded() {
        return interruptedBulkLoadDiscarded;
    }

    /** Closes the dataset and opens it again: after a bulk load has built index files underneath it. */
    void reconnect() {
        TDBInternal.expel(dsg);
        dsg = connect(dir);
    }

    /**
     * Deletes the dataset's storage (and any scratch files a killed bulk load left) and opens it again,
     * empty. Only for a dataset that holds nothing a user stored (see {@link BulkLoad#isFresh}).
     */
    void recreate() {
        TDBInternal.expel(dsg);
        deleteMatching("Data-\\d+");
        removeBulkScratch();
        dsg = connect(dir);
    }

    /**
     * Deletes the scratch files of bulk loads (a killed load leaves them; one that could not delete
     * its own leaves them too). The incomplete-load marker is not scratch: only the load clears it.
     */
    void removeBulkScratch() {
        deleteMatching("privkg-bulk-.*\\.(quads|run)");
    }

    private void deleteMatching(String nameRegex) {
        try (var entries = Files.list(dir)) {
            for (Path p : entries.filter(p -> p.getFileName().toString().matches(nameRegex)).toList()) IOX.deleteAll(p);
        } catch (java.io.IOException | RuntimeException e) {
            throw new StoreException("cannot empty the dataset at " + dir + " for a bulk load: " + e.getMessage(), e);
        }
    }

    /** Opens an existing dataset; says so plainly when there is none. */
    public static PolicyStore openExisting(Path dir, String base) {
        if (!Files.isDirectory(dir) || isEmptyDir(dir)) {
            throw new StoreException("no dataset at " + dir + "; create one with 'privkg load --db " + dir + " FILE...'", null);
        }
        return open(dir, base);
    }

    private static boolean isEmptyDir(Path dir) {
        try (var s = Files.list(dir)) {
            return s.findAny().isEmpty();
        } catch (java.io.IOException e) {
            return false;
        }
    }

    private static boolean isLock(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof AlreadyLocked || (t.getMessage() != null && t.getMessage().toLowerCase().contains("lock"))) return true;
        }
        return false;
    }

    public DatasetGraph dataset() {
        return dsg;
    }

    public Iris iris() {
        return iris;
    }

    public Path dir() {
        return dir;
    }

    /**
     * Removes a policy: its graph and its provenance, after keeping them as its last version in the archive
     * ({@link PolicyVersions}: the history stays), and its metadata ({@code load --meta}), all in one write
     * transaction. Returns whether it was there.
     */
    public boolean delete(String id) {
        Node g = iris.policy(id);
        return Txn.calculateWrite(dsg, () -> {
            boolean had = dsg.contains(g, Node.ANY, Node.ANY, Node.ANY);
            if (had) new VersionArchive(dir).keep(dsg, id, g);
            dsg.deleteAny(g, Node.ANY, Node.ANY, Node.ANY);
            dsg.deleteAny(NodeFactory.createURI(PK.PROVENANCE_GRAPH), g, Node.ANY, Node.ANY);
            dsg.deleteAny(NodeFactory.createURI(PK.METADATA_GRAPH), g, Node.ANY, Node.ANY);
            return had;
        });
    }

    /**
     * Loads the ontology into its graph when it is missing or differs from the bundled one. Call inside
     * a write transaction.
     */
    void ensureOntology() {
        Node g = NodeFactory.createURI(PK.ONTOLOGY_GRAPH);
        Graph bundled = Ontology.graph();
        Graph stored = dsg.getGraph(g);
        if (stored.size() == bundled.size() && stored.isIsomorphicWith(bundled)) return;
        dsg.deleteAny(g, Node.ANY, Node.ANY, Node.ANY);
        bundled.find().forEachRemaining(t -> dsg.add(g, t.getSubject(), t.getPredicate(), t.getObject()));
    }

    /**
     * Writes the live data into a new generation of the storage (TDB2's compaction) and deletes the
     * old ones, giving back the space that copy-on-write left behind. Queries in other threads go on
     * reading meanwhile; writes wait.
     */
    public void compact() {
        try {
            DatabaseMgr.compact(dsg, true);
        } catch (RuntimeException e) {
            throw new StoreException("compacting the dataset at " + dir + " failed: " + e.getMessage()
                    + "; the dataset is as it was (a partly written new generation, if any, is not used)", e);
        }
    }

    /** Ids of the stored policies. */
    public List<String> policyIds() {
        return Txn.calculateRead(dsg, () -> {
            List<String> ids = new ArrayList<>();
            dsg.find(Node.ANY, Node.ANY, PK.policyId, Node.ANY)
                    .forEachRemaining(q -> ids.add(q.getObject().getLiteralLexicalForm()));
            return ids.stream().distinct().sorted().toList();
        });
    }

    public Node policyGraph(String id) {
        return iris.policy(id);
    }

    @Override
    public void close() {
        // expel, not just close: the lock file goes, so another process can open the dataset at once
        TDBInternal.expel(dsg);
    }

    /** The bundled ontology, parsed once. */
    public static final class Ontology {
        private static Graph graph;

        private Ontology() {
        }

        public static synchronized Graph graph() {
            if (graph == null) {
                Graph g = GraphFactory.createDefaultGraph();
                try (InputStream in = PolicyStore.class.getResourceAsStream("/privkg/ontology/privkg.ttl")) {
                    if (in == null) throw new IllegalStateException("ontology missing from the build");
                    RDFParser.source(in).lang(Lang.TURTLE).parse(g);
                } catch (java.io.IOException e) {
                    throw new StoreException("cannot read the bundled ontology", e);
                }
                graph = g;
            }
            return graph;
        }
    }
}
