package org.privkg.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.system.Txn;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.privkg.fixture.Fixtures;
import org.privkg.pipeline.PolicyReader;
import org.privkg.pipeline.PolicySource;
import org.privkg.rdf.Iris;
import org.privkg.store.PolicyStore;
import org.privkg.validate.PolicyValidator;
import org.privkg.vocab.PK;

/** 'privkg validate': quiet and 0 on what data/ loads, one readable line per violation and 1 otherwise. */
class ValidateCommandTest {
    static final List<String> POLICIES = List.of(Fixtures.POLICIES.toString(), "src/test/resources/unseen");

    @Test
    void everyPolicyOfTheProjectConforms() throws IOException {
        PolicyValidator v = new PolicyValidator();
        for (String dir : POLICIES) {
            try (var files = Files.list(Path.of(dir))) {
                for (Path f : files.filter(p -> p.toString().endsWith(".txt")).sorted().toList()) {
                    var p = new PolicyReader().read(PolicySource.of(f, null)).policy().orElseThrow();
                    assertEquals(List.of(), v.validate(p, new Iris(null)), f.toString());
                }
            }
        }
    }

    @Test
    void validateReportsViolationsReadablyAndExitsOne(@TempDir Path tmp) {
        String db = tmp.resolve("db").toString();
        CliRunner load = CliRunner.run("load", "--db", db, Fixtures.POLICIES.toString(), "src/test/resources/unseen");
        assertEquals(0, load.exit(), load.err());
        // the gold files beside the held-out policies are named as not read; nothing else is a warning
        assertEquals(List.of(), load.err().lines().filter(l -> l.contains("warning") && !l.contains("are not *.txt")).toList(),
                "load warns about no policy: " + load.err());

        CliRunner ok = CliRunner.run("validate", "--db", db);
        assertEquals(0, ok.exit(), ok.out() + ok.err());
        assertEquals("", ok.out());
        assertTrue(ok.err().matches("(?s).*validated \\d+ policies: no violations.*"), ok.err());

        Iris iris = new Iris(null);
        Node g = iris.policy("finance");
        Node practice = iris.inPolicy("finance", "practice", 1);
        Node data = iris.shared("data", "手机号码");
        try (PolicyStore store = PolicyStore.openExisting(Path.of(db), null)) {
            Txn.executeWrite(store.dataset(), () -> {
                store.dataset().deleteAny(g, practice, PK.actor, Node.ANY);
                store.dataset().deleteAny(g, practice, PK.crossBorder, Node.ANY);
                store.dataset().add(g, practice, PK.crossBorder, NodeFactory.createLiteralDT("true",
                        org.apache.jena.datatypes.xsd.XSDDatatype.XSDboolean));
                store.dataset().add(g, data, PK.dpvConcept, NodeFactory.createURI("http://example.org/not-dpv"));
                store.dataset().add(g, data, PK.piplSensitive, PK.term("Nonsense"));
            });
        }
        CliRunner bad = CliRunner.run("validate", "--db", db);
        assertEquals(1, bad.exit(), bad.out() + bad.err());
        List<String> lines = bad.out().lines().toList();
        assertEquals(5, lines.size(), bad.out());
        assertTrue(lines.contains("finance: policy:finance/practice/1 pk:actor: A practice must have exactly one pk:actor, "
                + "a pk:FirstParty or pk:ThirdParty (never the data subject or a place)."), bad.out());
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("finance: policy:finance/practice/1: A cross-border practice")), bad.out());
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("finance: data:手机号码 pk:dpvConcept: ")
                && l.endsWith("(value: <http://example.org/not-dpv>)")), bad.out());
        assertTrue(lines.contains("finance: data:手机号码 pk:dpvConcept: A data item has at most one pk:dpvConcept, "
                + "a W3C DPV personal-data concept (pd:)."), "two concepts now: " + bad.out());
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("finance: data:手机号码 pk:piplSensitive: ")), bad.out());
        assertTrue(bad.err().matches("(?s).*validated \\d+ policies: 5 violations.*"), bad.err());

        CliRunner one = CliRunner.run("validate", "--db", db, "--policy", "game");
        assertEquals(0, one.exit(), one.out());
        assertEquals(2, CliRunner.run("validate", "--db", db, "--policy", "nope").exit());
    }
}
