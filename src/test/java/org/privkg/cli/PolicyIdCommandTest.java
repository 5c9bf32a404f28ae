package org.privkg.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.privkg.cli.CliEndToEndTest.privkg;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.privkg.cli.CliEndToEndTest.Run;

/** Policy ids from file names and --id on the command line, and what the graph records as a policy's source. */
class PolicyIdCommandTest {
    static final String POLICY = "为{注册}，我们会[收集]<手机号码>。\n";

    @TempDir
    Path tmp;

    @Test
    void aFileNamedDotDotTxtIsRejectedByName() throws IOException {
        Path file = write("..txt");
        Run r = privkg("extract", file.toString());
        assertEquals(2, r.code(), r.err());
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
        Run r = privkg("load", "--db", db.toString(), tmp.toString());
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains(hidden + ": error: the file name gives the policy id '.hidden', which is not valid"), r.err());
        assertTrue(r.err().contains(hidden + ": rejected; nothing of it was stored (rename the file)"), r.err());
        assertTrue(r.err().contains("loaded 1 policy"), r.err());
        Run ids = privkg("query", "--db", db.toString(), "policies", "--format", "csv");
        assertEquals(0, ids.code(), ids.err());
        assertTrue(ids.out().contains("美团-2024_v1.2"), ids.out());
        assertFalse(ids.out().contains("hidden"), ids.out());
    }

    @Test
    void anIdGivenWithDashDashIdRenamesABadlyNamedFile() throws IOException {
        Run r = privkg("extract", write("..txt").toString(), "--id", "dotdot", "--format", "nq");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("<https://w3id.org/privkg/id/policy/dotdot>"), r.out());
    }

    @Test
    void aBadDashDashIdIsAUsageError() throws IOException {
        for (String id : List.of("..", "a/b", "a%2Fb", "a b", "")) {
            Run r = privkg("extract", write("gome.txt").toString(), "--id", id);
            assertEquals(2, r.code(), id + ": " + r.err());
            assertTrue(r.err().contains("--id: '" + id + "' is not a valid policy id: "), r.err());
            assertEquals("", r.out());
        }
        Run stdin = CliEndToEndTest.withInput(POLICY, "extract", "-", "--id", "..");
        assertEquals(2, stdin.code(), stdin.err());
        assertTrue(stdin.err().contains("--id: '..' is not a valid policy id: it starts with '.'"), stdin.err());
    }

    @Test
    void theGraphRecordsTheFileNameNotItsDirectory() throws IOException {
        Path file = write("gome.txt");
        Run r = privkg("extract", file.toString(), "--format", "nq");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("<http://purl.org/dc/terms/source> \"gome.txt\""), r.out());
        assertFalse(r.out().contains(tmp.toString()), "no directory in the graph");
    }

    @Test
    void recordSourcePathKeepsThePathAsGiven() throws IOException {
        Path file = write("gome.txt");
        Run r = privkg("extract", file.toString(), "--format", "nq", "--record-source-path");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("<http://purl.org/dc/terms/source> \"" + file + "\""), r.out());
    }

    @Test
    void aLoadedAndExportedGraphHasNoDirectoryUnlessAsked() throws IOException {
        Path file = write("gome.txt");
        Path db = tmp.resolve("db");
        assertEquals(0, privkg("load", "--db", db.toString(), file.toString()).code());
        Run plain = privkg("export", "--db", db.toString(), "--format", "nq");
        assertTrue(plain.out().contains("<http://purl.org/dc/terms/source> \"gome.txt\""), plain.out());
        assertFalse(plain.out().contains(tmp.toString()), "no directory in the stored graph");

        assertEquals(0, privkg("load", "--db", db.toString(), file.toString(), "--record-source-path").code());
        Run asked = privkg("export", "--db", db.toString(), "--format", "nq");
        assertTrue(asked.out().contains("<http://purl.org/dc/terms/source> \"" + file + "\""), asked.out());
    }

    private Path write(String name) throws IOException {
        Path file = tmp.resolve(name);
        Files.writeString(file, POLICY);
        return file;
    }
}
