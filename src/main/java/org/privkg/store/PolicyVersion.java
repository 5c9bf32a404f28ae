package org.privkg.store;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;

/**
 * One version of a policy: the current one (in the dataset) or an earlier one (in the archive).
 *
 * @param number   1 for the oldest, counting up in load order
 * @param loadedAt when it was loaded; empty for a graph stored before privkg recorded provenance
 * @param sha256   of its input ("" when unknown)
 * @param source   its recorded source (file name, {@code upload}, {@code library}), "" when unknown
 * @param archived its archive file; empty for the current version
 */
public record PolicyVersion(String policyId, int number, Optional<Instant> loadedAt, String sha256, String source,
                            Optional<Path> archived) {
    public boolean current() {
        return archived.isEmpty();
    }
}
