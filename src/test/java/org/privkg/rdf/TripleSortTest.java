package org.privkg.rdf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Sorting triples in runs on disk gives what sorting them in memory gives, and cleans up after itself. */
class TripleSortTest {
    @TempDir
    Path tmp;

    static List<Triple> shuffledWithDuplicates() {
        List<Triple> ts = new ArrayList<>();
        Node p = NodeFactory.createURI("https://w3id.org/privkg/ontology#label");
        for (int i = 0; i < 2_000; i++) {
            Node s = NodeFactory.createURI("https://w3id.org/privkg/id/policy/p/clause/" + (i % 97));
            Node o = switch (i % 3) {
                case 0 -> NodeFactory.createLiteralLang("标签 " + i, "zh");
                case 1 -> NodeFactory.createLiteralDT(Integer.toString(i), XSDDatatype.XSDinteger);
                default -> NodeFactory.createURI("https://w3id.org/privkg/id/data/" + "长".repeat(i % 5) + i);
            };
            ts.add(Triple.create(s, p, o));
        }
        ts.addAll(ts.subList(0, 300)); // duplicates, in other runs
        Collections.shuffle(ts, new Random(7));
        return ts;
    }

    @Test
    void runsOnDiskMergeIntoTheOrderOfASortInMemory() {
        List<Triple> input = shuffledWithDuplicates();
        List<Triple> expected = input.stream().distinct().sorted(NodeOrder.TRIPLES).toList();
        try (TripleSort sort = new TripleSort(128, tmp)) {
            input.forEach(sort::add);
            List<Triple> out = new ArrayList<>();
            sort.sorted().forEachRemaining(out::add);
            assertTrue(sort.runs() > 10, "spilled " + sort.runs() + " runs");
            assertEquals(expected, out);
        }
    }

    @Test
    void theRunsAreGoneAfterClose() throws Exception {
        try (TripleSort sort = new TripleSort(100, tmp)) {
            shuffledWithDuplicates().forEach(sort::add);
            sort.sorted().next();
            try (var files = Files.list(tmp)) {
                assertEquals(1, files.count(), "the run directory while sorting");
            }
        }
        try (var files = Files.list(tmp)) {
            assertEquals(0, files.count());
        }
    }

    @Test
    void aRunThatCannotBeWrittenSaysWhere() {
        Path missing = tmp.resolve("no-such-dir");
        try (TripleSort sort = new TripleSort(10, missing)) {
            UncheckedIOException e = assertThrows(UncheckedIOException.class, () -> shuffledWithDuplicates().forEach(sort::add));
            assertTrue(e.getMessage().contains(missing.toString()), e.getMessage());
        }
    }
}
