package org.privkg.cli;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Where a command writes its result: standard output, or an {@code --output} file that is replaced
 * whole only when the command {@link #commit commits}, so a run that stops with an error leaves the
 * old file as it was. The bytes go to a file of this process's own beside the output (two runs on one
 * output do not share it; not {@code createTempFile}, whose owner-only permissions the output would
 * keep), moved over it at the end; an existing file keeps its permissions, and a symbolic link stays a
 * link to the replaced file. What is not a regular file ({@code /dev/null}, a named pipe) is written
 * to directly.
 */
final class CommandOutput implements AutoCloseable {
    private final OutputStream stream;
    /** Whether the stream is this object's to close (standard output is only flushed). */
    private final boolean owned;
    /** The file the partial one replaces, and the partial one; null when the stream goes straight to its target. */
    private final Path target;
    private final Path partial;

    private CommandOutput(OutputStream stream, boolean owned, Path target, Path partial) {
        this.stream = stream;
        this.owned = owned;
        this.target = target;
        this.partial = partial;
    }

    /** Standard output when {@code file} is null, else that file. */
    static CommandOutput open(Path file, OutputStream stdout) throws IOException {
        if (file == null) return new CommandOutput(stdout, false, null, null);
        Path dir = file.toAbsolutePath().getParent();
        if (!Files.isDirectory(dir)) {
            throw UserError.failure("cannot write " + file + ": the directory " + dir
                    + " does not exist; create it or choose another --output");
        }
        Path target = file;
        if (Files.exists(file)) {
            target = file.toRealPath();
            if (!Files.isRegularFile(target)) {
                return new CommandOutput(new BufferedOutputStream(Files.newOutputStream(target), 1 << 16), true, null, null);
            }
        }
        Path partial = target.resolveSibling("." + target.getFileName() + "." + ProcessHandle.current().pid() + ".part");
        return new CommandOutput(new BufferedOutputStream(Files.newOutputStream(partial), 1 << 16), true, target, partial);
    }

    OutputStream stream() {
        return stream;
    }

    /** The output is complete: the file takes its place. */
    void commit() throws IOException {
        if (partial == null) {
            stream.flush();
            return;
        }
        stream.close();
        if (Files.exists(target)) {
            try {
                Files.setPosixFilePermissions(partial, Files.getPosixFilePermissions(target));
            } catch (UnsupportedOperationException e) {
                // not a POSIX file system: the new file has the default permissions
            }
        }
        Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** Without a commit before, the partial file is dropped and the output file left alone. */
    @Override
    public void close() throws IOException {
        if (!owned) {
            stream.flush();
            return;
        }
        try {
            stream.close();
        } finally {
            if (partial != null) Files.deleteIfExists(partial);
        }
    }
}
