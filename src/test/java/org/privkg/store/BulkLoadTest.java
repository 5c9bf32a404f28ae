package org.privkg.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.system.Txn;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.privkg.fixture.Fixtures;
import org.privkg.fixture.Loads;
import org.privkg.generate.CorpusGenerator;
import org.privkg.extract.ExtractedPolicy;
import org.privkg.pipeline.LoadPipeline;
import org.privkg.pipeline.PolicyReader;
import org.privkg.pipeline.PolicySource;
import org.privkg.rdf.Iris;
import org.privkg.rdf.PolicyGraphWriter;
import org.privkg.vocab.PK;

/** The streaming load must store exactly what replace() stores, in both of its modes. */
class BulkLoadTest {
    static final int N = 20;

    static Path corpus(Path dir, int n) throws IOException {
        new CorpusGenerator(CorpusGenerator.templatesFrom(Fixtures.POLICIES), 42).write(dir, n);
        return dir;
    }

    static List<PolicySource> sources(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.toString().endsWith(".txt")).sorted().map(p -> PolicySource.of(p, null)).toList();
        }
    }

    /** Events that keep the indexes a bulk load built, to see how it loaded. */
    static final class Recorder implements LoadPipeline.Events {
        final List<String> indexes = new ArrayList<>();
        final List<PolicyReader.Outcome> read = new ArrayList<>();
        final List<String> warnings = new ArrayList<>();

        @Override
        public void read(PolicyReader.Outcome outcome) {
            read.add(outcome);
        }

        @Override
        public void indexing(String name, int number, int of, long done, long total) {
            if (done == 0) indexes.add(name + " " + number + "/" + of);
        }

        @Override
        public void warning(String message) {
            warnings.add(message);
        }

        final List<String> checked = new ArrayList<>();

        @Override
        public void checked(PolicyReader.Outcome outcome, String report) {
            checked.add(outcome.source().id() + ": " + report);
        }
    }

    static LoadPipeline.Summary load(Path db, List<PolicySource> sources, Recorder r) {
        try (PolicyStore store = PolicyStore.open(db, null)) {
            return new LoadPipeline(PolicyReader::new, 3).load(store, sources, r);
        }
    }

    /** Extracts each source and adds its quads to the load, as the load pipeline would. */
    static void addAll(BulkLoad load, PolicyStore store, List<PolicySource> sources) {
        PolicyReader reader = new PolicyReader();
        PolicyGraphWriter writer = new PolicyGraphWriter(store.iris());
        for (PolicySource s : sources) {
            load.add(s.id(), writer.quads(reader.read(s).policy().orElseThrow()));
        }
    }

    /** The sources stored one write transaction at a time, in order, as PUTs would: the reference for a bulk load. */
    static void replaceAll(Path db, List<PolicySource> sources) {
        try (PolicyStore store = PolicyStore.open(db, null)) {
            Loads.put(store, sources);
        }
    }

    /**
     * Same named graphs, each isomorphic, and the same (empty) default graph; the provenance graph, which a
     * load writes with its load time, left aside.
     */
    static void assertSameContent(Path a, Path b) {
        try (PolicyStore sa = PolicyStore.open(a, null); PolicyStore sb = PolicyStore.open(b, null)) {
            DatasetGraph da = sa.dataset();
            DatasetGraph db = sb.dataset();
            Txn.executeRead(da, () -> Txn.executeRead(db, () -> {
                Set<Node> ga = new HashSet<>();
                da.listGraphNodes().forEachRemaining(ga::add);
                Set<Node> gb = new HashSet<>();
                db.listGraphNodes().forEachRemaining(gb::add);
                ga.remove(NodeFactory.createURI(PK.PROVENANCE_GRAPH));
                gb.remove(NodeFactory.createURI(PK.PROVENANCE_GRAPH));
                assertEquals(gb, ga, "graph names");
                assertTrue(ga.contains(NodeFactory.createURI(PK.ONTOLOGY_GRAPH)), "ontology graph loaded");
                for (Node g : ga) {
                    Graph x = da.getGraph(g);
                    Graph y = db.getGraph(g);
                    assertEquals(y.size(), x.size(), "size of " + g);
                    assertTrue(x.isIsomorphicWith(y), "content of " + g);
                }
                assertEquals(0, da.getDefaultGraph().size());
                assertEquals(0, db.getDefaultGraph().size());
            }));
        }
    }

    @Test
    void bulkLoadOfAFreshDatasetEqualsReplace(@TempDir Path tmp) throws IOException {
        List<PolicySource> src = sources(corpus(tmp.resolve("corpus"), N));
        Recorder r = new Recorder();
        LoadPipeline.Summary s = load(tmp.resolve("bulk"), src, r);
        assertEquals(BulkLoad.Mode.BULK, s.mode());
        assertEquals(N, s.loaded());
        assertEquals(0, s.rejected());
        assertEquals(List.of("GSPO 1/6", "GPOS 2/6", "GOSP 3/6", "POSG 4/6", "OSPG 5/6", "SPOG 6/6"), r.indexes,
                "every quad index built after the data, not maintained");
        replaceAll(tmp.resolve("replace"), src);
        assertSameContent(tmp.resolve("bulk"), tmp.resolve("replace"));
    }

    @Test
    void theCheckSeesEachPolicysQuadsAndItsReportsComeInInputOrder(@TempDir Path tmp) throws IOException {
        List<PolicySource> src = sources(corpus(tmp.resolve("corpus"), N));
        Recorder r = new Recorder();
        // runs in the workers (3 threads): reports on every third policy, with the number of quads it saw
        LoadPipeline.Check every3rd = (policy, quads) ->
                policy.id().matches(".*[036]$") ? quads.size() + " quads" : "";
        try (PolicyStore store = PolicyStore.open(tmp.resolve("db"), null)) {
            new LoadPipeline(PolicyReader::new, 3, every3rd).load(store, src, r);
        }
        List<String> expected = new ArrayList<>();
        PolicyReader reader = new PolicyReader();
        PolicyGraphWriter writer = new PolicyGraphWriter(new Iris(null));
        for (PolicySource s : src) {
            if (!s.id().matches(".*[036]$")) continue;
            List<Quad> quads = writer.quads(reader.read(s).policy().orElseThrow());
            expected.add(s.id() + ": " + quads.size() + " quads");
        }
        assertFalse(expected.isEmpty());
        assertEquals(expected, r.checked);
    }

    @Test
    void scratchFilesAnEarlierBulkLoadLeftAreRemoved(@TempDir Path tmp) throws IOException {
        List<PolicySource> src = sources(corpus(tmp.resolve("corpus"), 3));
        Path db = tmp.resolve("db");
        try (PolicyStore store = PolicyStore.open(db, null)) {
            // a fresh dataset: a load killed while it read the policies left its spill (TDB2 recovery then
            // emptied the node table, so the next load does not start the dataset again)
            Files.writeString(db.resolve("privkg-bulk-123.quads"), "left behind");
        }
        assertEquals(BulkLoad.Mode.BULK, load(db, src, new Recorder()).mode());
        try (var files = Files.list(db)) {
            assertEquals(List.of(), files.map(f -> f.getFileName().toString()).filter(n -> n.startsWith("privkg-bulk-")).toList());
        }
    }

    @Test
    void loadIntoAnExistingDatasetReplacesInTransactions(@TempDir Path tmp) throws IOException {
        List<PolicySource> src = sources(corpus(tmp.resolve("corpus"), N));
        Path db = tmp.resolve("db");
        assertEquals(BulkLoad.Mode.BULK, load(db, src.subList(0, N / 2), new Recorder()).mode());
        // again: the first half is replaced, the second half added
        LoadPipeline.Summary s = load(db, src, new Recorder());
        assertEquals(BulkLoad.Mode.TRANSACTIONS, s.mode());
        assertEquals(N, s.loaded());
        replaceAll(tmp.resolve("replace"), src);
        assertSameContent(db, tmp.resolve("replace"));
    }

    @Test
    void aDatasetHoldingOnlyTheOntologyIsStillBulkLoaded(@TempDir Path tmp) throws IOException {
        Path bad = Files.writeString(tmp.resolve("bad.txt"), "一、标题\n\n我们会[收集<手机号码>。\n");
        Path db = tmp.resolve("db");
        LoadPipeline.Summary first = load(db, List.of(PolicySource.of(bad, null)), new Recorder());
        assertEquals(0, first.loaded());
        assertEquals(1, first.rejected());
        List<PolicySource> src = sources(corpus(tmp.resolve("corpus"), 5));
        Recorder r = new Recorder();
        assertEquals(BulkLoad.Mode.BULK, load(db, src, r).mode());
        assertEquals(6, r.indexes.size(), r.indexes.toString());
        replaceAll(tmp.resolve("replace"), src);
        assertSameContent(db, tmp.resolve("replace"));
    }

    @Test
    void aBadFileLeavesNothingAndTheOthersLoad(@TempDir Path tmp) throws IOException {
        Path dir = corpus(tmp.resolve("corpus"), 6);
        Files.writeString(dir.resolve("policy-00003.txt"), "一、标题\n\n我们会[收集<手机号码>。\n"); // nested/unclosed
        Files.write(dir.resolve("zz-binary.txt"), new byte[] {0, 1, 2, 3, (byte) 0xff, 0, 0, 9});
        Recorder r = new Recorder();
        LoadPipeline.Summary s = load(tmp.resolve("db"), sources(dir), r);
        assertEquals(5, s.loaded());
        assertEquals(2, s.rejected());
        try (PolicyStore store = PolicyStore.open(tmp.resolve("db"), null)) {
            List<String> ids = store.policyIds();
            assertFalse(ids.contains("policy-00003"), ids.toString());
            assertFalse(ids.contains("zz-binary"), ids.toString());
            assertEquals(5, ids.size());
            Txn.executeRead(store.dataset(), () -> assertEquals(0,
                    store.dataset().getGraph(store.policyGraph("policy-00003")).size()));
        }
    }

    @Test
    void theLastOfTwoFilesWithOneIdWinsInABulkLoad(@TempDir Path tmp) throws IOException {
        List<PolicySource> src = new ArrayList<>(sources(corpus(tmp.resolve("a"), 4)));
        Path other = Files.createDirectories(tmp.resolve("b"));
        // b/policy-00002.txt holds the text of policy 4: the later file wins, as with single loads
        Files.copy(tmp.resolve("a").resolve("policy-00004.txt"), other.resolve("policy-00002.txt"));
        src.add(PolicySource.of(other.resolve("policy-00002.txt"), null));
        Recorder r = new Recorder();
        LoadPipeline.Summary s = load(tmp.resolve("db"), src, r);
        assertEquals(BulkLoad.Mode.BULK, s.mode());
        assertEquals(4, s.loaded());
        assertEquals(1, r.warnings.size(), r.warnings.toString());

        List<PolicySource> expected = new ArrayList<>(src);
        replaceAll(tmp.resolve("replace"), expected); // in order: the later one replaces
        assertSameContent(tmp.resolve("db"), tmp.resolve("replace"));
    }

    @Test
    void tuplesThatDoNotFitTheSortBufferAreMergedFromSortedRuns(@TempDir Path tmp) throws IOException {
        List<PolicySource> src = sources(corpus(tmp.resolve("corpus"), 6));
        try (PolicyStore store = PolicyStore.open(tmp.resolve("db"), null)) {
            // 997 tuples per sorted run: a run ends in the middle of a policy, and every index merges several
            BulkLoad load = BulkLoad.start(store, BulkLoad.Mode.BULK, null, 997);
            addAll(load, store, src);
            load.finish();
            assertTrue(load.quads() > 5 * 997, "several runs: " + load.quads());
        }
        replaceAll(tmp.resolve("replace"), src);
        assertSameContent(tmp.resolve("db"), tmp.resolve("replace"));
        try (var files = Files.list(tmp.resolve("db"))) {
            assertTrue(files.noneMatch(f -> f.getFileName().toString().startsWith("privkg-bulk")), "scratch files removed");
        }
    }

    @Test
    void aFailureWhileIndexingLeavesAnEmptyDatasetThatLoadsAgain(@TempDir Path tmp) throws IOException {
        List<PolicySource> src = sources(corpus(tmp.resolve("corpus"), 3));
        Path db = tmp.resolve("db");
        try (PolicyStore store = PolicyStore.open(db, null)) {
            BulkLoad load = BulkLoad.start(store, BulkLoad.Mode.BULK, new BulkLoad.Listener() {
                @Override
                public void indexing(String name, int number, int of, long done, long total) {
                    if (number == 3) throw new IllegalStateException("disk full");
                }
            }, 997);
            addAll(load, store, src);
            assertThrows(IllegalStateException.class, load::finish, "two indexes packed, the third fails");
            assertEquals(List.of(), store.policyIds());
            assertEquals(0L, (long) Txn.calculateRead(store.dataset(), () -> store.dataset().stream().count()));
        }
        try (var files = Files.list(db)) {
            assertTrue(files.noneMatch(f -> f.getFileName().toString().startsWith("privkg-bulk")), "no marker, no scratch files");
        }
        load(db, src, new Recorder());
        replaceAll(tmp.resolve("replace"), src);
        assertSameContent(db, tmp.resolve("replace"));
    }

    /** Thrown past the load's own clean-up, as a kill would stop it: nothing after it runs. */
    static final class Killed extends Error {
    }

    @Test
    void aBulkLoadKilledWhileIndexingLeavesAnEmptyDatasetThatLoadsAgain(@TempDir Path tmp) throws IOException {
        List<PolicySource> src = sources(corpus(tmp.resolve("corpus"), 3));
        Path db = tmp.resolve("db");
        try (PolicyStore store = PolicyStore.open(db, null)) {
            BulkLoad load = BulkLoad.start(store, BulkLoad.Mode.BULK, new BulkLoad.Listener() {
                @Override
                public void indexing(String name, int number, int of, long done, long total) {
                    if (number == 3) throw new Killed();
                }
            }, 997);
            addAll(load, store, src);
            assertThrows(Killed.class, load::finish, "killed with two of six indexes packed");
        }
        assertTrue(Files.exists(db.resolve(BulkLoad.INCOMPLETE_MARKER)), "the kill left the marker");
        try (PolicyStore store = PolicyStore.open(db, null)) {
            assertTrue(store.interruptedBulkLoadDiscarded());
            assertEquals(List.of(), store.policyIds());
            assertEquals(0L, (long) Txn.calculateRead(store.dataset(), () -> store.dataset().stream().count()));
        }
        assertFalse(Files.exists(db.resolve(BulkLoad.INCOMPLETE_MARKER)));
        assertEquals(BulkLoad.Mode.BULK, load(db, src, new Recorder()).mode());
        replaceAll(tmp.resolve("replace"), src);
        assertSameContent(db, tmp.resolve("replace"));
    }

    @Test
    void sortingRowsOrdersThemAsUnsignedKeys() {
        Random rnd = new Random(7);
        int n = 5000;
        long[] rows = new long[n * 4];
        for (int i = 0; i < rows.length; i++) rows[i] = rnd.nextInt(4) == 0 ? rnd.nextLong() : rnd.nextInt(3);
        List<List<Long>> expected = new ArrayList<>();
        for (int i = 0; i < n; i++) expected.add(List.of(rows[4 * i], rows[4 * i + 1], rows[4 * i + 2], rows[4 * i + 3]));
        expected.sort((a, b) -> {
            for (int c = 0; c < 4; c++) {
                int d = Long.compareUnsigned(a.get(c), b.get(c));
                if (d != 0) return d;
            }
            return 0;
        });
        long[] copy = rows.clone();
        IndexPacker.sortRun(rows, n);
        for (int i = 0; i < n; i++) {
            assertEquals(expected.get(i), List.of(rows[4 * i], rows[4 * i + 1], rows[4 * i + 2], rows[4 * i + 3]), "row " + i);
        }
        // rows already in order of their first column (a G-first index): sorted stretch by stretch, same result
        long[] grouped = new long[n * 4];
        for (int i = 0; i < n; i++) {
            List<Long> row = expected.get(i);
            grouped[4 * i] = row.get(0);
            // the other columns shuffled within the stretch of equal first columns
            int j = (i * 7919) % n;
            grouped[4 * i + 1] = copy[4 * j + 1];
            grouped[4 * i + 2] = copy[4 * j + 2];
            grouped[4 * i + 3] = copy[4 * j + 3];
        }
        long[] full = grouped.clone();
        IndexPacker.sort(full, 0, n);
        IndexPacker.sortRun(grouped, n);
        assertArrayEquals(full, grouped);
    }
}
