package org.privkg.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.BeforeAll;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.DatabaseMgr;
import org.apache.jena.tdb2.sys.TDBInternal;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * The exact bytes of every export, as privkg wrote them before exports were streamed (the files under
 * src/test/resources/export-golden were written by that version, commit 4b06131): streaming must not change
 * a byte of output for data that fits in memory. The bundled policies, and 30 generated ones (seed 42) for
 * more graphs than a hash table keeps in insertion order, each as the quads that version exported.
 */
class ExportGoldenTest {
    @TempDir
    static Path tmp;
    static String bundled;
    static String generated;

    /**
     * The stores hold exactly the quads the old version exported (its N-Quads files, read back), not what
     * today's extractor takes from the policies: the test is about the writers, and extraction rules move on.
     */
    @BeforeAll
    static void load() throws IOException {
        bundled = store("bundled", "bundled-ontology.nq");
        generated = store("generated-db", "generated30.nq");
    }

    private static String store(String name, String quads) throws IOException {
        Path dir = tmp.resolve(name);
        DatasetGraph dsg = DatabaseMgr.connectDatasetGraph(dir.toString());
        Txn.executeWrite(dsg, () -> RDFParser.fromString(uncheckedGolden(quads), Lang.NQUADS).parse(dsg));
        TDBInternal.expel(dsg);
        return dir.toString();
    }

    private static String uncheckedGolden(String name) {
        try {
            return golden(name);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"ttl", "nq", "jsonld", "csv", "json"})
    void wholeCorpusAsBefore(String format) throws IOException {
        assertSame("bundled." + format, export(bundled, "--format", format));
        assertSame("generated30." + format, export(generated, "--format", format));
    }

    /**
     * TriG wrote the graphs in the order of a hash table (policy:health before policy:gome); now in name order,
     * as N-Quads always did and the documentation said. Each graph's block is as before, byte for byte.
     */
    @ParameterizedTest
    @ValueSource(strings = {"bundled", "generated30", "bundled-ontology"})
    void trigGraphsAsBeforeNowInNameOrder(String golden) throws IOException {
        String actual = golden.equals("generated30") ? export(generated, "--format", "trig")
                : golden.equals("bundled") ? export(bundled, "--format", "trig") : export(bundled, "--format", "trig", "--with-ontology");
        List<String> before = trigBlocks(golden(golden + ".trig"));
        List<String> now = trigBlocks(actual);
        assertEquals(before.get(0), now.get(0), "prefixes");
        assertEquals(before.stream().sorted().toList(), now.stream().sorted().toList());
        List<String> names = now.subList(1, now.size()).stream().map(b -> b.substring(0, b.indexOf(' '))).toList();
        List<String> byName = new ArrayList<>(names);
        byName.sort(java.util.Comparator.comparing((String n) -> n.equals("<https://w3id.org/privkg/ontology>") ? "~" : n));
        assertEquals(byName, names, "graphs in name order (policy:policy-00002 before policy:policy-00010, the ontology last)");
    }

    /** The prefix header, then one block per graph (from its name line to its closing brace). */
    static List<String> trigBlocks(String trig) {
        List<String> blocks = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        for (String line : trig.split("\n", -1)) {
            if (line.endsWith(" {") && !line.startsWith(" ")) {
                blocks.add(cur.toString());
                cur.setLength(0);
            }
            cur.append(line).append('\n');
        }
        blocks.add(cur.toString());
        return blocks;
    }

    @ParameterizedTest
    @ValueSource(strings = {"ttl", "trig", "nq", "jsonld", "csv", "json"})
    void onePolicyAsBefore(String format) throws IOException {
        assertSame("bundled-gome." + format, export(bundled, "--format", format, "--policy", "gome"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"ttl", "nq", "jsonld"})
    void withTheOntologyAsBefore(String format) throws IOException {
        String actual = export(bundled, "--format", format, "--with-ontology");
        if (format.equals("nq")) {
            // the labels of the ontology's list nodes depend on the labels the store gave them (their structural
            // signatures tie), in this version as in the one that wrote the file; the rest of each line may not
            assertEquals(withoutBlankLabels(golden("bundled-ontology.nq")), withoutBlankLabels(actual));
        } else {
            assertSame("bundled-ontology." + format, actual);
        }
    }

    static List<String> withoutBlankLabels(String nquads) {
        return nquads.lines().map(l -> l.replaceAll("_:[A-Za-z0-9]+", "_:")).sorted().toList();
    }

    /** A sort that has to spill to disk (38,610 triples, 1,000 in memory) writes the same bytes, and leaves no run behind. */
    @ParameterizedTest
    @ValueSource(strings = {"ttl", "nq", "jsonld"})
    void sortingOnDiskChangesNoByte(String format) throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("spill-" + format));
        Path out = dir.resolve("all." + format);
        CliRunner r = CliRunner.run("export", "--db", generated, "--format", format, "--sort-memory", "1000", "-o", out.toString());
        assertEquals(0, r.exit(), r.err());
        assertSame("generated30." + format, Files.readString(out));
        try (var files = Files.list(dir)) {
            assertEquals(List.of(out), files.toList(), "only the export is left in " + dir);
        }
        assertTrue(r.err().startsWith("exported "), r.err());
    }

    static void assertSame(String golden, String actual) throws IOException {
        String expected = golden(golden);
        // assertEquals on strings this long prints both; the first differing line says enough
        if (!expected.equals(actual)) {
            String[] e = expected.split("\n", -1);
            String[] a = actual.split("\n", -1);
            int i = 0;
            while (i < Math.min(e.length, a.length) && e[i].equals(a[i])) i++;
            throw new AssertionError(golden + ": first difference at line " + (i + 1) + ":\n expected: "
                    + (i < e.length ? e[i] : "<end>") + "\n   actual: " + (i < a.length ? a[i] : "<end>"));
        }
    }

    static String golden(String name) throws IOException {
        try (InputStream in = new GZIPInputStream(ExportGoldenTest.class.getResourceAsStream("/export-golden/" + name + ".gz"))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    static String export(String db, String... args) {
        List<String> all = new ArrayList<>(List.of("export", "--db", db));
        all.addAll(List.of(args));
        CliRunner r = CliRunner.run(all.toArray(String[]::new));
        assertEquals(0, r.exit(), r.err());
        return new String(r.outBytes(), StandardCharsets.UTF_8);
    }
}
