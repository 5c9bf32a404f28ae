package org.privkg.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.privkg.fixture.Fixtures;
import org.privkg.generate.CorpusGenerator;
import org.privkg.pipeline.LoadPipeline;
import org.privkg.store.BulkLoad;

class LoadCommandTest {
    record Run(int code, String out, String err) {
    }

    static Path corpus(Path dir, int n) throws IOException {
        new CorpusGenerator(CorpusGenerator.templatesFrom(Fixtures.POLICIES), 3).write(dir, n);
        return dir;
    }

    @Test
    void summaryLineAndNoBarWithoutATerminal(@TempDir Path tmp) throws IOException {
        Path dir = corpus(tmp.resolve("c"), 5);
        CliRunner r = CliRunner.run("load", "--db", tmp.resolve("db").toString(), dir.toString());
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.err().startsWith("loaded 5 policies into "), r.err());
        assertTrue(r.err().contains("bulk load"), r.err());
        assertFalse(r.err().contains("\r"), "no progress bar when stderr is not a terminal");
        assertEquals(1, r.err().lines().count(), r.err());

        CliRunner again = CliRunner.run("load", "--db", tmp.resolve("db").toString(), dir.toString());
        assertEquals(0, again.exit(), again.err());
        assertTrue(again.err().contains("transactions"), again.err());
    }

    @Test
    void theSummaryCountsFilesWithoutMarks(@TempDir Path tmp) throws IOException {
        Path dir = corpus(tmp.resolve("c"), 2);
        Files.writeString(dir.resolve("plain1.txt"), "我们会收集您的手机号码。\n");
        Files.writeString(dir.resolve("plain2.txt"), "隐私政策\n\n我们不会出售您的信息。\n");
        CliRunner r = CliRunner.run("load", "--db", tmp.resolve("db").toString(), dir.toString());
        assertEquals(0, r.exit(), r.err());
        String summary = r.err().lines().filter(l -> l.startsWith("loaded ")).findFirst().orElse("");
        assertTrue(summary.startsWith("loaded 4 policies into "), r.err());
        assertTrue(summary.endsWith("; 2 files had no marks (see docs/annotating.md)"), summary);
        assertTrue(r.err().contains("plain1.txt:1:1: warning: no marks at all"), r.err());

        CliRunner annotated = CliRunner.run("load", "--db", tmp.resolve("db2").toString(), corpus(tmp.resolve("d"), 2).toString());
        assertFalse(annotated.err().contains("no marks"), annotated.err());
    }

    @Test
    void rejectedFileExitTwoStrictSkippedExitZeroLenient(@TempDir Path tmp) throws IOException {
        Path dir = corpus(tmp.resolve("c"), 3);
        Files.write(dir.resolve("binary.txt"), new byte[] {0, 1, 2, 3, (byte) 0xff, 0, 0, 9});
        CliRunner strict = CliRunner.run("load", "--db", tmp.resolve("a").toString(), dir.toString());
        assertEquals(Main.BAD_INPUT, strict.exit(), strict.err());
        assertTrue(strict.err().contains("binary.txt: rejected; nothing of it was stored"), strict.err());
        assertTrue(strict.err().contains("loaded 3 policies"), strict.err());
        assertTrue(strict.err().contains("; 1 rejected"), strict.err());

        CliRunner lenient = CliRunner.run("load", "--lenient", "--db", tmp.resolve("b").toString(), dir.toString());
        assertEquals(Main.OK, lenient.exit(), lenient.err());
        assertTrue(lenient.err().contains("binary.txt: skipped; nothing of it was stored"), lenient.err());
        assertTrue(lenient.err().contains("; 1 skipped"), lenient.err());
    }

    @Test
    void progressBarWhenAsked(@TempDir Path tmp) throws IOException {
        Path dir = corpus(tmp.resolve("c"), 40);
        CliRunner r = CliRunner.run("load", "--progress", "--db", tmp.resolve("db").toString(), dir.toString());
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.err().contains("\r"), "bar drawn in place");
        assertTrue(r.err().contains("\033[K"), "line erased");
        String last = r.err().substring(r.err().lastIndexOf('\r') + 1);
        assertTrue(last.contains("loaded 40 policies"), last);
    }

    @Test
    void barLineFitsAnEightyColumnTerminal() {
        List<org.privkg.pipeline.PolicySource> sources = java.util.Collections.nCopies(10_000,
                new org.privkg.pipeline.PolicySource("x", "x", new byte[0]));
        Progress p = new Progress(new java.io.PrintWriter(new java.io.StringWriter()), sources, false, false);
        p.mode(BulkLoad.Mode.BULK);
        for (int i = 0; i < 4321; i++) p.stored("x", 1234);
        assertTrue(p.line().length() <= 79, p.line());
        p.indexing("GSPO", 1, 6, 0, 5_332_094);
        p.indexing("GSPO", 1, 6, 4_000_000, 5_332_094);
        assertTrue(p.line().contains(" 13% indexing GSPO (1/6)"), p.line());
        assertTrue(p.line().length() <= 79, p.line());
        p.indexing("GPOS", 2, 6, 0, 5_332_094);
        assertTrue(p.line().contains(" 17% indexing GPOS (2/6)"), p.line());
        String summary = p.summary(new LoadPipeline.Summary(10_000, 0, 10_500_000, BulkLoad.Mode.BULK), Path.of("db"));
        assertTrue(summary.startsWith("loaded 10,000 policies into db (10,500,000 triples in "), summary);
    }
}
