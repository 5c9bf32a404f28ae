package org.privkg.pipeline;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** The SHA-256 of a policy's input, which its provenance records so that a changed file can be told. */
final class InputDigest {
    private InputDigest() {
    }

    /**
     * The hex SHA-256 of {@code bytes} followed by the companion file's bytes (a brat .ann, a CA4P
     * HTML), since a change to either changes the policy. A companion that cannot be read is left out:
     * reading the policy reports it, and such a policy is not stored.
     */
    static String sha256(byte[] bytes, Path companion) {
        MessageDigest md;
        try {
            md = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
        md.update(bytes);
        if (companion != null) {
            try {
                md.update(Files.readAllBytes(companion));
            } catch (IOException e) {
                // reported by the standoff reading, which rejects the policy
            }
        }
        return HexFormat.of().formatHex(md.digest());
    }
}
