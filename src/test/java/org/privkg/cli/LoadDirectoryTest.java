package org.privkg.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** load DIR: what a directory's files become, what is left out and said so, and what --lenient does. */
class LoadDirectoryTest {
    private static final String GOOD = "我们会[收集]您的<手机号码>。\n";
    private static final String BAD_MARK = "我们会[收集<手机号码>，并[使用]<邮箱>。\n";

    private static Path corpus(Path dir, String... namesAndTexts) throws IOException {
        Files.createDirectories(dir);
        for (int i = 0; i < namesAndTexts.length; i += 2) Files.writeString(dir.resolve(namesAndTexts[i]), namesAndTexts[i + 1]);
        return dir;
    }

    @Test
    void filesThatAreNotTxtAreNamedOnceWithHowStandoffIsRead(@TempDir Path tmp) throws IOException {
        Path dir = corpus(tmp.resolve("c"), "a.txt", GOOD, "b.txt", GOOD, "b.ann", "", "notes.md", "x",
                "c.json", "{}", "d.jsonl", "", "e.html", "", "f.csv", "", "g.xml", "", ".DS_Store", "");
        CliRunner r = CliRunner.run("load", "--db", tmp.resolve("db").toString(), dir.toString());
        assertEquals(0, r.exit(), r.err());
        String warning = r.err().lines().filter(l -> l.contains("warning")).findFirst().orElse("");
        assertEquals(1, r.err().lines().filter(l -> l.contains("not *.txt")).count(), r.err());
        // six left out (b.ann is read with b.txt, .DS_Store is hidden): the first five by name, then a count
        assertTrue(warning.contains(": 6 files are not *.txt and not read: c.json, d.jsonl, e.html, f.csv, g.xml and 1 more"), warning);
        assertTrue(warning.contains("--input brat|doccano|labelstudio|ca4p"), warning);
        assertFalse(warning.contains("b.ann") || warning.contains(".DS_Store"), warning);
        assertTrue(r.err().contains("loaded 2 policies"), r.err());
    }

    @Test
    void aDirectoryOfOnlyTxtLoadsWithoutAWarning(@TempDir Path tmp) throws IOException {
        Path dir = corpus(tmp.resolve("c"), "a.txt", GOOD);
        CliRunner r = CliRunner.run("load", "--db", tmp.resolve("db").toString(), dir.toString());
        assertEquals(0, r.exit(), r.err());
        assertFalse(r.err().contains("warning"), r.err());
    }

    @Test
    void lenientKeepsAFileWithBadMarksAsPlainText(@TempDir Path tmp) throws IOException {
        Path dir = corpus(tmp.resolve("c"), "good.txt", GOOD, "marks.txt", BAD_MARK);
        CliRunner strict = CliRunner.run("load", "--db", tmp.resolve("strict").toString(), dir.toString());
        assertEquals(Main.BAD_INPUT, strict.exit(), strict.err());
        assertTrue(strict.err().contains("marks.txt: rejected"), strict.err());

        CliRunner lenient = CliRunner.run("load", "--lenient", "--db", tmp.resolve("lenient").toString(), dir.toString());
        assertEquals(Main.OK, lenient.exit(), lenient.err());
        assertTrue(lenient.err().contains("marks.txt:1:4: warning: unclosed mark"), lenient.err());
        assertTrue(lenient.err().contains("loaded 2 policies"), lenient.err());
    }

    @Test
    void lenientSkipsATxtThatCannotBeReadAndLoadsTheRest(@TempDir Path tmp) throws IOException {
        Path dir = corpus(tmp.resolve("c"), "good.txt", GOOD);
        // a link to nothing cannot be read by anyone, root included
        Files.createSymbolicLink(dir.resolve("gone.txt"), tmp.resolve("nowhere.txt"));
        CliRunner strict = CliRunner.run("load", "--db", tmp.resolve("strict").toString(), dir.toString());
        assertEquals(Main.BAD_INPUT, strict.exit(), strict.err());
        assertTrue(strict.err().contains("gone.txt") && strict.err().contains("cannot read"), strict.err());

        CliRunner lenient = CliRunner.run("load", "--lenient", "--db", tmp.resolve("lenient").toString(), dir.toString());
        assertEquals(Main.OK, lenient.exit(), lenient.err());
        assertTrue(lenient.err().contains("gone.txt: skipped; nothing of it was stored"), lenient.err());
        assertTrue(lenient.err().contains("loaded 1 policy") && lenient.err().contains("; 1 skipped"), lenient.err());
    }

    @Test
    void lenientSkipsATxtWithoutReadPermission(@TempDir Path tmp) throws IOException {
        Path dir = corpus(tmp.resolve("c"), "good.txt", GOOD, "locked.txt", GOOD);
        Path locked = dir.resolve("locked.txt");
        Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("---------"));
        assumeFalse(Files.isReadable(locked), "permissions do not stop this user (root) from reading");
        CliRunner lenient = CliRunner.run("load", "--lenient", "--db", tmp.resolve("db").toString(), dir.toString());
        assertEquals(Main.OK, lenient.exit(), lenient.err());
        assertTrue(lenient.err().contains("locked.txt") && lenient.err().contains("cannot read"), lenient.err());
        assertTrue(lenient.err().contains("locked.txt: skipped; nothing of it was stored"), lenient.err());
        assertTrue(lenient.err().contains("loaded 1 policy"), lenient.err());
    }
}
