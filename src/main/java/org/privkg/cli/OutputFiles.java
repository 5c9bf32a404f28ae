package org.privkg.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.privkg.pipeline.PolicySource;

/** The files a command makes from its inputs ('convert', 'annotate'), written all or none into one directory. */
final class OutputFiles {
    private OutputFiles() {
    }

    /** All files, or none: each is written beside its target, and all are moved into place once all are written. */
    static void write(Path outDir, Map<String, String> outputs, List<PolicySource> sources) {
        try {
            Files.createDirectories(outDir);
        } catch (IOException e) {
            throw UserError.failure("cannot make the directory " + outDir + ": " + e.getMessage());
        }
        Set<Path> inputs = new HashSet<>();
        for (PolicySource s : sources) {
            real(Path.of(s.name())).ifPresent(inputs::add);
            if (s.companion() != null) real(s.companion()).ifPresent(inputs::add);
        }
        for (String name : outputs.keySet()) {
            Optional<Path> existing = real(outDir.resolve(name));
            if (existing.isPresent() && inputs.contains(existing.get())) {
                throw UserError.badInput(outDir.resolve(name) + " is one of the inputs; write to another directory (-o DIR)");
            }
        }
        List<CommandOutput> opened = new ArrayList<>();
        String current = null;
        try {
            for (var f : outputs.entrySet()) {
                current = f.getKey();
                CommandOutput o = CommandOutput.open(outDir.resolve(f.getKey()), null);
                opened.add(o);
                o.stream().write(f.getValue().getBytes(StandardCharsets.UTF_8));
            }
            current = null;
            for (CommandOutput o : opened) o.commit();
        } catch (IOException e) {
            throw UserError.failure("cannot write " + (current == null ? "to " + outDir : outDir.resolve(current)) + ": " + e.getMessage());
        } finally {
            for (CommandOutput o : opened) {
                try {
                    o.close();
                } catch (IOException ignored) {
                    // the partial file could not be removed; the output files are as they were
                }
            }
        }
    }

    private static Optional<Path> real(Path p) {
        try {
            return Files.exists(p) ? Optional.of(p.toRealPath()) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
