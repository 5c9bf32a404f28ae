package org.privkg.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Hostile input through the command line: bounded output, exit 2, no stack trace. */
class CliBoundsTest {
    @TempDir
    Path dir;

    @Test
    void fiveMebibytesOfOpeningBracketsAreRejectedInAHundredAndTwoLines() throws Exception {
        Path f = dir.resolve("brackets.txt");
        Files.writeString(f, "[".repeat(5 << 20));
        CliRunner r = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(Duration.ofSeconds(60),
                () -> CliRunner.run("extract", "--format", "nq", f.toString()));
        assertEquals(2, r.exit(), r.err());
        String[] lines = r.err().split("\n");
        assertEquals(102, lines.length); // 100 diagnostics, '… and N more', 'rejected'
        assertTrue(lines[0].startsWith(f + ":1:1: error: unclosed mark: '['"), lines[0]);
        assertEquals(f + ": … and " + ((5 << 20) - 100) + " more (only the first 100 problems of a file are listed)", lines[100]);
        assertFalse(r.err().contains("Exception") || r.err().contains("\tat "), r.err());
        assertEquals("", r.out());
    }
}
