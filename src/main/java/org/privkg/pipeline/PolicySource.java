package org.privkg.pipeline;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One policy to read: its id, the name to use in diagnostics, and its bytes.
 */
public record PolicySource(String id, String name, byte[] bytes) {

    public static PolicySource of(Path file, String id) throws IOException {
        return new PolicySource(id != null ? id : idOf(file), file.toString(), Files.readAllBytes(file));
    }

    public static PolicySource stdin(InputStream in, String id) throws IOException {
        return new PolicySource(id != null ? id : "stdin", "<stdin>", in.readAllBytes());
    }

    /** The file name without its extension (SPEC §1). */
    public static String idOf(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }
}
