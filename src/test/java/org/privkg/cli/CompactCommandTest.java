package org.privkg.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.privkg.fixture.Fixtures;

/** privkg compact: the same data afterwards, the old generation gone. */
class CompactCommandTest {
    @Test
    void compactKeepsTheDataAndLeavesOneGeneration(@TempDir Path tmp) throws Exception {
        String db = tmp.resolve("db").toString();
        assertEquals(0, CliRunner.run("load", "--db", db, Fixtures.POLICIES.toString()).exit());
        // a second load of a changed policy: a write transaction on top of the bulk load
        Path gome = Files.writeString(tmp.resolve("gome.txt"), Files.readString(Fixtures.policy("gome")).replace("}", "等}"));
        assertEquals(0, CliRunner.run("load", "--db", db, gome.toString()).exit());
        byte[] before = CliRunner.run("export", "--db", db, "--format", "nq").outBytes();

        CliRunner r = CliRunner.run("compact", "--db", db);
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.err().startsWith("compacted " + db + ": "), r.err());
        assertArrayEquals(before, CliRunner.run("export", "--db", db, "--format", "nq").outBytes(), "same data");
        try (var entries = Files.list(tmp.resolve("db"))) {
            assertEquals(1, entries.filter(p -> p.getFileName().toString().startsWith("Data-")).count(), "old generation deleted");
        }
        assertEquals(0, CliRunner.run("stats", "--db", db).exit());
    }

    @Test
    void compactWithoutADatasetSaysHowToMakeOne(@TempDir Path tmp) {
        CliRunner r = CliRunner.run("compact", "--db", tmp.resolve("none").toString());
        assertEquals(1, r.exit());
        assertTrue(r.err().contains("no dataset at") && r.err().contains("privkg load --db"), r.err());
    }
}
