package org.privkg.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.privkg.store.BulkLoadTest.addAll;
import static org.privkg.store.BulkLoadTest.assertSameContent;
import static org.privkg.store.BulkLoadTest.corpus;
import static org.privkg.store.BulkLoadTest.load;
import static org.privkg.store.BulkLoadTest.replaceAll;
import static org.privkg.store.BulkLoadTest.sources;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.privkg.fixture.Loads;
import org.privkg.extract.ExtractedPolicy;
import org.privkg.pipeline.PolicyReader;
import org.privkg.pipeline.PolicySource;

/** What writes cost the dataset: transactions bounded by change, space in proportion to change. */
class StoreLimitsTest {
    @Test
    void aLoadIntoAnExistingDatasetCommitsTransactionsBoundedByQuadsChanged(@TempDir Path tmp) throws IOException {
        List<PolicySource> first = sources(corpus(tmp.resolve("a"), 12));
        Path db = tmp.resolve("db");
        load(db, first, new BulkLoadTest.Recorder());
        // a second corpus with the same ids and other content: every policy changes
        Path other = Files.createDirectories(tmp.resolve("b"));
        for (PolicySource s : first) {
            Path f = tmp.resolve("a").resolve(s.id() + ".txt");
            Files.writeString(other.resolve(s.id() + ".txt"), edited(Files.readString(f)));
        }
        List<PolicySource> second = sources(other);
        List<long[]> commits = new ArrayList<>();
        int bound = 3_000;
        try (PolicyStore store = PolicyStore.open(db, null)) {
            BulkLoad load = BulkLoad.start(store, BulkLoad.Mode.TRANSACTIONS, new BulkLoad.Listener() {
                @Override
                public void committed(int policies, long changes) {
                    commits.add(new long[] {policies, changes});
                }
            }, BulkLoad.SORT_ROWS, bound);
            addAll(load, store, second);
            load.finish();
        }
        assertTrue(commits.size() > 2, "several transactions: " + commits.stream().map(c -> c[0] + " policies, " + c[1] + " changes").toList());
        for (long[] c : commits) {
            assertTrue(c[1] <= bound || c[0] == 1, c[0] + " policies, " + c[1] + " changes: over the bound with more than one policy");
        }
        replaceAll(tmp.resolve("replace"), second);
        assertSameContent(db, tmp.resolve("replace"));
    }

    @Test
    void reloadingUnchangedPoliciesChangesNoQuad(@TempDir Path tmp) throws IOException {
        List<PolicySource> src = sources(corpus(tmp.resolve("corpus"), 5));
        Path db = tmp.resolve("db");
        load(db, src, new BulkLoadTest.Recorder());
        long before = StoreSpace.storageBytes(db);
        try (PolicyStore store = PolicyStore.open(db, null)) {
            BulkLoad load = BulkLoad.start(store, BulkLoad.Mode.TRANSACTIONS, null);
            addAll(load, store, src);
            load.finish();
            assertEquals(0, load.changes());
        }
        assertEquals(before, StoreSpace.storageBytes(db), "no block written");
    }

    @Test
    void aHundredPutsOfOnePolicyGrowTheDatasetByLessThanTenTimesThePolicy(@TempDir Path tmp) throws IOException {
        Path corpus = corpus(tmp.resolve("corpus"), 20);
        Path db = tmp.resolve("db");
        load(db, sources(corpus), new BulkLoadTest.Recorder());
        PolicySource one = sources(corpus).get(7);
        long policyBytes = Files.size(corpus.resolve(one.id() + ".txt"));
        long before = StoreSpace.storageBytes(db);
        try (PolicyStore store = PolicyStore.open(db, null)) {
            for (int i = 0; i < 100; i++) Loads.put(store, List.of(one));
        }
        long growth = StoreSpace.storageBytes(db) - before;
        assertTrue(growth < 10 * policyBytes, "grew by " + growth + " bytes, the policy has " + policyBytes);
    }

    @Test
    void compactionGivesBackWhatChangingPutsLeftBehind(@TempDir Path tmp) throws IOException {
        Path corpus = corpus(tmp.resolve("corpus"), 20);
        Path db = tmp.resolve("db");
        load(db, sources(corpus), new BulkLoadTest.Recorder());
        PolicySource one = sources(corpus).get(7);
        Path edited = Files.createDirectories(tmp.resolve("edited")).resolve(one.id() + ".txt");
        Files.writeString(edited, edited(Files.readString(corpus.resolve(one.id() + ".txt"))));
        PolicySource a = one, b = PolicySource.of(edited, null);
        long loaded = StoreSpace.storageBytes(db);
        try (PolicyStore store = PolicyStore.open(db, null)) {
            for (int i = 0; i < 20; i++) Loads.put(store, List.of(i % 2 == 0 ? b : a));
            long written = StoreSpace.storageBytes(db);
            assertTrue(written > loaded * 3 / 2, "twenty changing writes copied blocks: " + loaded + " → " + written);
            store.compact();
            long compacted = StoreSpace.storageBytes(db);
            System.out.printf("compaction: loaded %d, after 20 changing PUTs %d, compacted %d%n", loaded, written, compacted);
            assertTrue(compacted < loaded * 2, compacted + " after compaction, " + loaded + " loaded");
        }
        replaceAll(tmp.resolve("replace"), sources(corpus));
        assertSameContent(db, tmp.resolve("replace"));
    }

    /** Every purpose and data item of a policy renamed: most of its quads change. */
    static String edited(String policy) {
        return policy.replace("}", "等}").replace("<", "<新");
    }

    @Test
    void compactionIsAdvisedWhenTheDatasetTakesMoreThanTwiceItsEstimatedLiveSize() {
        StoreSpace fresh = new StoreSpace(450_000_000, 1_000_000, 40_000_000); // live estimate 440 MB
        StoreSpace grown = new StoreSpace(890_000_000, 1_000_000, 40_000_000);
        StoreSpace small = new StoreSpace(30_000_000, 10_000, 1_000_000); // 6× its estimate, but under 32 MB extra
        assertEquals(440_000_000, fresh.estimatedLiveBytes());
        assertTrue(!fresh.worthCompacting());
        assertTrue(grown.worthCompacting());
        assertTrue(!small.worthCompacting());
    }

    /**
     * The attacker's reload: files with thousands of marks, loaded and then loaded again changed, in a
     * JVM of 128 MiB. Before transactions were bounded by change and the dataset reopened, the second
     * load died of OutOfMemoryError after about 40 s.
     */
    @Test
    void aCorpusOfLargePoliciesReloadsInASmallHeap(@TempDir Path tmp) throws Exception {
        Path first = largePolicies(tmp.resolve("first"), 6, 600, "");
        Path second = largePolicies(tmp.resolve("second"), 6, 600, "新");
        Path db = tmp.resolve("db");
        assertEquals(0, privkgIn128MiB(tmp, "load", "--db", db.toString(), first.toString()), "bulk load");
        assertEquals(0, privkgIn128MiB(tmp, "load", "--db", db.toString(), second.toString()), "reload");
        replaceAll(tmp.resolve("replace"), sources(second));
        assertSameContent(db, tmp.resolve("replace"));
    }

    /**
     * Valid, odd policies: one long section of clauses with many marks each (600 lines: ~80 KB, ~27,000
     * quads); a variant renames every purpose and data item, so reloading it changes nearly every quad.
     */
    static Path largePolicies(Path dir, int files, int lines, String variant) throws IOException {
        Files.createDirectories(dir);
        for (int f = 0; f < files; f++) {
            StringBuilder b = new StringBuilder("一、我们如何收集和使用您的信息\n");
            for (int i = 0; i < lines; i++) {
                b.append("为{提供服务").append(variant).append(i % 97).append("}，(我们)会[收集]<数据项").append(variant).append(f).append('x').append(i)
                        .append(">、<数据项").append(variant).append(i % 13).append(">、<信息").append(variant).append(i % 7)
                        .append(">，并与(合作方").append(i % 5).append(")[共享]<记录").append(variant).append(i).append(">。\n");
            }
            Files.writeString(dir.resolve(String.format("p%03d.txt", f)), b, StandardCharsets.UTF_8);
        }
        return dir;
    }

    private static int privkgIn128MiB(Path tmp, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx128m", "-XX:+UseParallelGC", "-Dfile.encoding=UTF-8", "-cp", System.getProperty("java.class.path"),
                "org.privkg.cli.Main"));
        cmd.addAll(List.of(args));
        Path log = tmp.resolve("privkg.log");
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!p.waitFor(240, TimeUnit.SECONDS)) { // a hang guard, not a timing
            p.destroyForcibly();
            throw new AssertionError("privkg " + String.join(" ", args) + " did not finish in 240 s");
        }
        if (p.exitValue() != 0) System.err.println(Files.readString(log));
        return p.exitValue();
    }
}
