package org.privkg.cli;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Where a command writes its result: standard output, or an {@code --output} file that is replaced
 * whole only when the command {@link #commit commits}, so a run that fails leaves the old file as it
 * was. The bytes go to a file of this process's own beside the output (two runs on one output do not
 * share it; not {@code createTempFile}, whose owner-only permissions the output would keep), moved
 * over it at the end.
 */
final class CommandOutput implements AutoCloseable {
    private final OutputStream stdout;
    private final Path file;
    private final Path partial;
    private final OutputStream stream;

    private CommandOutput(OutputStream stdout, Path file) throws IOException {
        this.stdout = stdout;
        this.file = file;
        if (file == null) {
            partial = null;
            stream = stdout;
            return;
        }
        Path dir = file.toAbsolutePath().getParent();
        if (!Files.isDirectory(dir)) {
            throw UserError.failure("cannot write " + file + ": the directory " + dir
                    + " does not exist; create it or choose another --output");
        }
        partial = file.resolveSibling("." + file.getFileName() + "." + ProcessHandle.current().pid() + ".part");
        stream = new BufferedOutputStream(Files.newOutputStream(partial), 1 << 16);
    }

    /** Standard output when {@code file} is null, else that file. */
    static CommandOutput open(Path file, OutputStream stdout) throws IOException {
        return new CommandOutput(stdout, file);
    }

    OutputStream stream() {
        return stream;
    }

    /** The output is complete: the file takes its place (standard output is flushed). */
    void commit() throws IOException {
        if (partial == null) {
            stdout.flush();
            return;
        }
        stream.close();
        Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** Without a commit before, the partial file is dropped and the output file left alone. */
    @Override
    public void close() throws IOException {
        if (partial == null) {
            stdout.flush();
            return;
        }
        try {
            stream.close();
        } finally {
            Files.deleteIfExists(partial);
        }
    }
}
