package org.privkg.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An output file is replaced whole when the command commits, and left as it was otherwise. */
class CommandOutputTest {
    @TempDir
    Path tmp;

    private static void write(CommandOutput out, String text) throws IOException {
        out.stream().write(text.getBytes(StandardCharsets.UTF_8));
    }

    private List<Path> files() throws IOException {
        try (var s = Files.list(tmp)) {
            return s.sorted().toList();
        }
    }

    @Test
    void aFileIsReplacedOnlyWhenTheCommandCommits() throws IOException {
        Path file = Files.writeString(tmp.resolve("out.nq"), "old");
        try (CommandOutput out = CommandOutput.open(file, null)) {
            write(out, "new");
            // the command stops here with an error: no commit
        }
        assertEquals("old", Files.readString(file));
        assertEquals(List.of(file), files(), "no partial file left");

        try (CommandOutput out = CommandOutput.open(file, null)) {
            write(out, "new");
            assertEquals("old", Files.readString(file), "not before the commit");
            out.commit();
        }
        assertEquals("new", Files.readString(file));
        assertEquals(List.of(file), files());
    }

    @Test
    void aMoveThatFailsLeavesNoPartialFile() throws IOException {
        Path file = Files.writeString(tmp.resolve("out.nq"), "old");
        try (CommandOutput out = CommandOutput.open(file, null)) {
            write(out, "new");
            Files.delete(file);
            Files.writeString(Files.createDirectory(file).resolve("inside"), "x"); // a move cannot replace it
            assertThrows(IOException.class, out::commit);
        }
        assertEquals(List.of(file), files());
    }

    @Test
    void theReplacedFileKeepsItsPermissionsAndLinks() throws IOException {
        Path real = Files.writeString(tmp.resolve("real.ttl"), "old");
        Files.setPosixFilePermissions(real, PosixFilePermissions.fromString("rw-r-----"));
        Path link = Files.createSymbolicLink(tmp.resolve("link.ttl"), real.getFileName());
        try (CommandOutput out = CommandOutput.open(link, null)) {
            write(out, "new");
            out.commit();
        }
        assertTrue(Files.isSymbolicLink(link), "still a link");
        assertEquals("new", Files.readString(real));
        assertEquals("rw-r-----", PosixFilePermissions.toString(Files.getPosixFilePermissions(real)));
    }

    @Test
    void whatIsNoRegularFileIsWrittenToDirectly() throws Exception {
        Path fifo = tmp.resolve("pipe");
        assertEquals(0, new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor());
        CompletableFuture<String> reader = CompletableFuture.supplyAsync(() -> {
            try {
                return Files.readString(fifo);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        try (CommandOutput out = CommandOutput.open(fifo, null)) {
            write(out, "through the pipe");
            out.commit();
        }
        assertEquals("through the pipe", reader.get(30, TimeUnit.SECONDS));
        assertFalse(Files.isRegularFile(fifo), "the pipe was not replaced by a file");
    }

    @Test
    void standardOutputIsFlushedNotClosed() throws IOException {
        boolean[] closed = {false};
        ByteArrayOutputStream stdout = new ByteArrayOutputStream() {
            @Override
            public void close() {
                closed[0] = true;
            }
        };
        try (CommandOutput out = CommandOutput.open(null, stdout)) {
            write(out, "to the terminal");
            out.commit();
        }
        assertEquals("to the terminal", stdout.toString(StandardCharsets.UTF_8));
        assertFalse(closed[0], "later output still goes to standard output");
        assertEquals(List.of(), files());
    }
}
