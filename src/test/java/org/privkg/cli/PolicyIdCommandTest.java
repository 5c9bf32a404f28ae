package org.privkg.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Policy ids from file names and --id on the command line, and what the graph records as a policy's source. */
class PolicyIdCommandTest {
    static final String POLICY = "为{注册}，我们会[收集]<手机号码>。\n";

    @TempDir
    Path tmp;

    @Test
    void aFileNamedDotDotTxtIsRejectedByName() throws IOException {
        Path file = write("..txt");
        CliRunner r = CliRunner.run("extract", file.toString());
        assertEquals(2, r.exit(), r.err());
        assertTrue(r.err().contains(file + ": error: the file name gives the policy id '.', which is not valid: "
                + "it starts with '.', not a letter or digit; rename the file"), r.err());
        assertTrue(r.err().contains(file + ": rejected; nothing of it was stored (rename the file, or give it an id "
                + "with --id ID when it is the only file)"), r.err());
        assertFalse(r.out().contains("policy/."), r.out());
    }

    @Test
    void aHiddenFileInADirectoryIsRejectedAndTheOthersLoad() throws IOException {
        Path hidden = write(".hidden.txt");
        write("美团-2024_v1.2.txt");
        Path db = tmp.resolve("db");
        CliRunner r = CliRunner.run("load", "--db", db.toString(), tmp.toString());
        assertEquals(2, r.exit(), r.err());
        assertTrue(r.err().contains(hidden + ": error: the file name gives the policy id '.hidden', which is not valid"), r.err());
        assertTrue(r.err().contains(hidden + ": rejected; nothing of it was stored (rename the file)"), r.err());
        assertTrue(r.err().contains("loaded 1 policy"), r.err());
        CliRunner ids = CliRunner.run("query", "--db", db.toString(), "policies", "--format", "csv");
        assertEquals(0, ids.exit(), ids.err());
        assertTrue(ids.out().contains("美团-2024_v1.2"), ids.out());
        assertFalse(ids.out().contains("hidden"), ids.out());
    }

    @Test
    void anIdGivenWithDashDashIdRenamesABadlyNamedFile() throws IOException {
        CliRunner r = CliRunner.run("extract", write("..txt").toString(), "--id", "dotdot", "--format", "nq");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("<https://w3id.org/privkg/id/policy/dotdot>"), r.out());
    }

    @Test
    void aBadDashDashIdIsAUsageError() throws IOException {
        for (String id : List.of("..", "a/b", "a%2Fb", "a b", "")) {
            CliRunner r = CliRunner.run("extract", write("gome.txt").toString(), "--id", id);
            assertEquals(2, r.exit(), id + ": " + r.err());
            assertTrue(r.err().contains("--id: '" + id + "' is not a valid policy id: "), r.err());
            assertEquals("", r.out());
        }
        CliRunner stdin = CliRunner.withStdin(POLICY, "extract", "-", "--id", "..");
        assertEquals(2, stdin.exit(), stdin.err());
        assertTrue(stdin.err().contains("--id: '..' is not a valid policy id: it starts with '.'"), stdin.err());
    }

    @Test
    void theGraphRecordsTheFileNameNotItsDirectory() throws IOException {
        Path file = write("gome.txt");
        CliRunner r = CliRunner.run("extract", file.toString(), "--format", "nq");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("<http://purl.org/dc/terms/source> \"gome.txt\""), r.out());
        assertFalse(r.out().contains(tmp.toString()), "no directory in the graph");
    }

    @Test
    void recordSourcePathKeepsThePathAsGiven() throws IOException {
        Path file = write("gome.txt");
        CliRunner r = CliRunner.run("extract", file.toString(), "--format", "nq", "--record-source-path");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("<http://purl.org/dc/terms/source> \"" + file + "\""), r.out());
    }

    @Test
    void aLoadedAndExportedGraphHasNoDirectoryUnlessAsked() throws IOException {
        Path file = write("gome.txt");
        Path db = tmp.resolve("db");
        assertEquals(0, CliRunner.run("load", "--db", db.toString(), file.toString()).exit());
        CliRunner plain = CliRunner.run("export", "--db", db.toString(), "--format", "nq");
        assertTrue(plain.out().contains("<http://purl.org/dc/terms/source> \"gome.txt\""), plain.out());
        assertFalse(plain.out().contains(tmp.toString()), "no directory in the stored graph");

        assertEquals(0, CliRunner.run("load", "--db", db.toString(), file.toString(), "--record-source-path").exit());
        CliRunner asked = CliRunner.run("export", "--db", db.toString(), "--format", "nq");
        assertTrue(asked.out().contains("<http://purl.org/dc/terms/source> \"" + file + "\""), asked.out());
    }

    private Path write(String name) throws IOException {
        Path file = tmp.resolve(name);
        Files.writeString(file, POLICY);
        return file;
    }
}
