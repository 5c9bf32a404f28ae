package org.privkg.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.jena.sparql.core.Quad;
import org.junit.jupiter.api.Test;
import org.privkg.extract.DataPractice;
import org.privkg.extract.ExtractedPolicy;
import org.privkg.fixture.Fixtures;
import org.privkg.pipeline.PolicyReader;
import org.privkg.pipeline.PolicySource;
import org.privkg.pipeline.ShapeCheck;
import org.privkg.rdf.Iris;
import org.privkg.rdf.PolicyGraphWriter;

/** 'load' warns about SHACL violations of what it stores, without failing. */
class LoadValidationTest {
    @Test
    void loadPrintsTheWarningsAndStoresThePolicy(@org.junit.jupiter.api.io.TempDir Path tmp) {
        CliRunner r = CliRunner.run("load", "--db", tmp.resolve("db").toString(), Fixtures.policy("game").toString());
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.err().contains("loaded 1 policy"), r.err());
        assertTrue(!r.err().contains("warning"), "a valid policy draws no warning: " + r.err());
    }

    @Test
    void warnsOnceWithTheViolations() throws Exception {
        ExtractedPolicy p = new PolicyReader().read(PolicySource.of(Fixtures.policy("game"), null)).policy().orElseThrow();
        assertEquals("", new ShapeCheck(null).check(p, quads(p)));

        List<DataPractice> broken = new ArrayList<>(p.practices());
        DataPractice d = broken.get(0);
        // an entrusted practice with no recipient, a Collect said to go abroad
        broken.set(0, new DataPractice(d.index(), d.clause(), d.action(), d.actionText(), d.actor(), d.data(), d.purposes(),
                List.of(), d.sources(), d.storedIn(), d.requiresConsent(), d.requiresSeparateConsent(), d.negated(),
                d.inferred(), true, true, false));
        ExtractedPolicy bad = new ExtractedPolicy(p.document(), p.owner(), broken, p.hierarchy(), p.sensitive());
        String err = new ShapeCheck(null).check(bad, quads(bad));
        List<String> lines = err.lines().toList();
        assertTrue(lines.get(0).startsWith("privkg: warning: game.txt: 2 SHACL violations"), err);
        assertTrue(lines.get(1).startsWith("  game: policy:game/practice/1: "), err);
        assertEquals(3, lines.size(), err);
    }

    /** The quads a load would store for the policy. */
    private static List<Quad> quads(ExtractedPolicy p) {
        return new PolicyGraphWriter(new Iris(null)).quads(p);
    }
}
