package org.privkg.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.privkg.fixture.Fixtures;
import org.privkg.rdf.Provenance;

/** Each stored policy says where it came from; the canonical export does not change with the load time. */
class ProvenanceTest {
    static final Path GAME = Fixtures.policy("game");

    @Test
    void exportsOfTheSameDataLoadedAtDifferentTimesAreByteIdentical(@TempDir Path tmp) throws Exception {
        assertEquals(0, CliRunner.run("load", "--db", tmp.resolve("a").toString(), GAME.toString()).exit());
        Thread.sleep(20); // a later load time
        assertEquals(0, CliRunner.run("load", "--db", tmp.resolve("b").toString(), GAME.toString()).exit());
        CliRunner a = CliRunner.run("export", "--db", tmp.resolve("a").toString(), "--format", "nq");
        CliRunner b = CliRunner.run("export", "--db", tmp.resolve("b").toString(), "--format", "nq");
        assertEquals(0, a.exit(), a.err());
        assertArrayEquals(a.outBytes(), b.outBytes());
        assertFalse(a.out().contains("generatedAtTime"), "provenance stays out unless asked for");
    }

    @Test
    void withProvenanceTheExportSaysSourceHashFormatVersionAndWarnings(@TempDir Path tmp) throws Exception {
        String db = tmp.resolve("db").toString();
        assertEquals(0, CliRunner.run("load", "--db", db, GAME.toString()).exit());
        CliRunner r = CliRunner.run("export", "--db", db, "--format", "nq", "--with-provenance");
        assertEquals(0, r.exit(), r.err());
        String g = "<https://w3id.org/privkg/id/policy/game>";
        String in = " <https://w3id.org/privkg/provenance> .";
        String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(GAME)));
        assertTrue(r.out().contains(g + " <http://purl.org/dc/terms/source> \"game.txt\"" + in), r.out());
        assertTrue(r.out().contains(g + " <http://purl.org/dc/terms/format> \"marks\"" + in), r.out());
        assertTrue(r.out().contains(g + " <https://w3id.org/privkg/ontology#inputSha256> \"" + sha + "\"" + in), r.out());
        assertTrue(r.out().contains(g + " <https://w3id.org/privkg/ontology#privkgVersion> \"" + Provenance.currentVersion() + "\"" + in), r.out());
        assertTrue(r.out().contains(g + " <https://w3id.org/privkg/ontology#warningCount> \"0\"^^<http://www.w3.org/2001/XMLSchema#integer>" + in), r.out());
        assertTrue(r.out().contains(g + " <http://www.w3.org/ns/prov#generatedAtTime> \""), r.out());

        CliRunner stats = CliRunner.run("stats", "--db", db);
        assertTrue(stats.out().matches("(?s).*\nloaded +\\d{4}-\\d\\d-\\d\\dT[^ ]+Z … \\d{4}-.*"), stats.out());
        assertTrue(stats.out().contains("\nwarnings    0\n"), stats.out());
    }

    @Test
    void reloadingTheSameInputKeepsItsLoadTimeAndAChangedOneRecordsItsNewHash(@TempDir Path tmp) throws Exception {
        String db = tmp.resolve("db").toString();
        Path copy = tmp.resolve("game.txt");
        Files.copy(GAME, copy);
        assertEquals(0, CliRunner.run("load", "--db", db, copy.toString()).exit());
        byte[] first = CliRunner.run("export", "--db", db, "--format", "nq", "--with-provenance").outBytes();
        Thread.sleep(20);
        assertEquals(0, CliRunner.run("load", "--db", db, copy.toString()).exit());
        assertArrayEquals(first, CliRunner.run("export", "--db", db, "--format", "nq", "--with-provenance").outBytes(),
                "an unchanged policy keeps its load time: reloading it writes nothing");

        Files.writeString(copy, Files.readString(copy) + "\n我们会[收集]您的<邮箱地址>。\n");
        assertEquals(0, CliRunner.run("load", "--db", db, copy.toString()).exit());
        String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(copy)));
        String after = CliRunner.run("export", "--db", db, "--format", "nq", "--with-provenance").out();
        assertTrue(after.contains("#inputSha256> \"" + sha + "\""), after);
        assertFalse(new String(first, java.nio.charset.StandardCharsets.UTF_8).contains(sha));
    }

    @Test
    void theVersionIsTheMavenProjectVersion() throws Exception {
        String pom = Files.readString(Path.of("pom.xml"));
        String version = pom.replaceFirst("(?s).*?<artifactId>privkg</artifactId>\\s*<version>([^<]+)</version>.*", "$1");
        assertEquals(version, Provenance.currentVersion());
    }
}
