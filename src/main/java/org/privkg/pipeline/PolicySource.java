package org.privkg.pipeline;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import org.privkg.standoff.Format;

/**
 * One policy to read: its id, the name to use in diagnostics, what the graph records as its source
 * ({@code dct:source}), and its bytes.
 * <p>
 * Every id is a valid {@link PolicyId}: an id given by the caller that is not one is refused at once
 * ({@link IllegalArgumentException} with {@link PolicyId#message}). An id taken from a file name is
 * the file's problem instead: the source is made, {@link #refusal()} says why, and
 * {@link PolicyReader} rejects that file alone with a diagnostic, as it does an unreadable one.
 * <p>
 * The graph records only the file's name, never its directory (a path can hold a user name and the
 * graph is served to anyone), unless the caller asks for the path.
 * <p>
 * A source made from a file is lazy: it keeps only the path and reads the bytes each time
 * {@link #bytes()} is asked, so a list of ten thousand sources costs a few hundred bytes each, not
 * the size of the files. {@link #bytes()} then throws {@link UncheckedIOException} when the file
 * cannot be read; {@link PolicyReader} turns that into a diagnostic for that file alone.
 */
public final class PolicySource {
    private final String id;
    private final String name;
    private final String recorded;
    private final byte[] bytes;
    private final Path file;
    private final String refusal;
    private final Format format;
    /** The file read with this one: a brat text's .ann, a CA4P annotation's raw_data HTML; or null. */
    private final Path companion;
    /** For a record of a file of many policies (a doccano line, a Label Studio task), where it starts; else 0. */
    private final long line;

    /**
     * A source whose bytes are already in memory (an upload, tests). {@code name} is used in
     * diagnostics and recorded as the policy's source, so give a file name, not a path.
     */
    public PolicySource(String id, String name, byte[] bytes) {
        this(PolicyId.requireValid(id), Objects.requireNonNull(name), name, Objects.requireNonNull(bytes), null, null);
    }

    private PolicySource(String id, String name, String recorded, byte[] bytes, Path file, String refusal) {
        this(id, name, recorded, bytes, file, refusal, Format.MARKS, null, 0);
    }

    private PolicySource(String id, String name, String recorded, byte[] bytes, Path file, String refusal,
                         Format format, Path companion, long line) {
        this.format = format;
        this.companion = companion;
        this.line = line;
        this.id = id;
        this.name = name;
        this.recorded = recorded;
        this.bytes = bytes;
        this.file = file;
        this.refusal = refusal;
    }

    /** A lazy source recording only the file's name; {@code id} null takes it from the file name. */
    public static PolicySource of(Path file, String id) {
        return of(file, id, false);
    }

    /**
     * A lazy source: nothing is read until {@link #bytes()}.
     *
     * @param id         the policy id, or null for the file name without its extension
     * @param recordPath record {@code file} as given (directories included) instead of its name alone
     */
    public static PolicySource of(Path file, String id, boolean recordPath) {
        String recorded = recordPath ? file.toString() : file.getFileName().toString();
        if (id != null) return new PolicySource(PolicyId.requireValid(id), file.toString(), recorded, null, file, null);
        String derived = idOf(file);
        String refusal = PolicyId.problem(derived).map(why -> "the file name gives the policy id " + PolicyId.quote(derived)
                + ", which is not valid: " + why + "; rename the file (" + PolicyId.RULE + ")").orElse(null);
        return new PolicySource(derived, file.toString(), recorded, null, file, refusal);
    }

    /**
     * A policy in a standoff format read from two files: a brat text and its .ann ({@code file} the
     * text), or a CA4P annotation and its raw_data HTML ({@code file} the annotation). The id is the
     * file name without its extension unless given.
     */
    public static PolicySource standoff(Format format, Path file, Path companion, String id, boolean recordPath) {
        PolicySource s = of(file, id, recordPath);
        return new PolicySource(s.id, s.name, s.recorded, null, file, s.refusal, format, companion, 0);
    }

    /**
     * One policy's record of a standoff file that holds many (a doccano line, a Label Studio task), or
     * a standoff upload: its bytes in memory. An id that is not valid makes a source that is refused
     * with a diagnostic, as a bad file name does.
     *
     * @param line the record's line in its file (doccano), or 0
     */
    public static PolicySource record(Format format, String id, String name, byte[] bytes, long line) {
        String refusal = PolicyId.problem(id).map(why -> "the record at line " + line + " gives the policy id "
                + PolicyId.quote(id) + ", which is not valid: " + why + "; give it an 'id' field (" + PolicyId.RULE + ")")
                .orElse(null);
        return new PolicySource(id, name, name, bytes, null, refusal, format, null, line);
    }

    public Format format() {
        return format;
    }

    /** The second file of a two-file standoff format, or null. */
    public Path companion() {
        return companion;
    }

    /** The line of its file where this record starts (doccano), or 0. */
    public long line() {
        return line;
    }

    /** Standard input, read now; the id is "stdin" unless given. */
    public static PolicySource stdin(InputStream in, String id) throws IOException {
        String valid = id != null ? PolicyId.requireValid(id) : "stdin";
        return new PolicySource(valid, "<stdin>", "<stdin>", in.readAllBytes(), null, null);
    }

    /**
     * The policy id; for a source whose file name gives no valid id ({@link #refusal()}), the text the
     * name gives, for messages only: no graph is made of such a source.
     */
    public String id() {
        return id;
    }

    public String name() {
        return name;
    }

    /** What the policy's graph records as its source: the file name, or the path when asked. */
    public String recordedSource() {
        return recorded;
    }

    /** Why this file cannot be a policy (its name gives no valid id), or empty. */
    public Optional<String> refusal() {
        return Optional.ofNullable(refusal);
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

    /** The file name without its extension (docs/annotating.md); not checked: see {@link PolicyId}. */
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
