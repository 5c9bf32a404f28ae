package org.privkg.pipeline;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * One policy to read: its id, the name to use in diagnostics, and its bytes.
 * <p>
 * A source made from a file is lazy: it keeps only the path and reads the bytes each time
 * {@link #bytes()} is asked, so a list of ten thousand sources costs a few hundred bytes each, not
 * the size of the files. {@link #bytes()} then throws {@link UncheckedIOException} when the file
 * cannot be read; {@link PolicyReader} turns that into a diagnostic for that file alone.
 */
public final class PolicySource {
    private final String id;
    private final String name;
    private final byte[] bytes;
    private final Path file;

    /** A source whose bytes are already in memory (standard input, tests). */
    public PolicySource(String id, String name, byte[] bytes) {
        this.id = Objects.requireNonNull(id);
        this.name = Objects.requireNonNull(name);
        this.bytes = Objects.requireNonNull(bytes);
        this.file = null;
    }

    private PolicySource(String id, String name, Path file) {
        this.id = id;
        this.name = name;
        this.bytes = null;
        this.file = file;
    }

    /** A lazy source: nothing is read until {@link #bytes()}. */
    public static PolicySource of(Path file, String id) {
        return new PolicySource(id != null ? id : idOf(file), file.toString(), file);
    }

    public static PolicySource stdin(InputStream in, String id) throws IOException {
        return new PolicySource(id != null ? id : "stdin", "<stdin>", in.readAllBytes());
    }

    public String id() {
        return id;
    }

    public String name() {
        return name;
    }

    /** The policy's bytes, read from its file now when the source is a file. */
    public byte[] bytes() {
        if (bytes != null) return bytes;
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The size in bytes, without reading the file (0 when it cannot be told). */
    public long size() {
        if (bytes != null) return bytes.length;
        try {
            return Files.size(file);
        } catch (IOException e) {
            return 0;
        }
    }

    /** The file name without its extension (SPEC §1). */
    public static String idOf(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

    @Override
    public String toString() {
        return name;
    }
}
