package org.privkg.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.privkg.pipeline.PolicySource;

/** Turns command-line arguments into policy sources: files, '-' for standard input, directories of *.txt. */
final class Inputs {
    private Inputs() {
    }

    static List<PolicySource> sources(List<String> args, String id, InputStream stdin) {
        List<Path> files = new ArrayList<>();
        List<PolicySource> out = new ArrayList<>();
        for (String a : args) {
            if (a.equals("-")) {
                try {
                    out.add(PolicySource.stdin(stdin, id));
                } catch (IOException e) {
                    throw UserError.failure("cannot read standard input: " + e.getMessage());
                }
                continue;
            }
            Path p = Path.of(a);
            if (Files.isDirectory(p)) {
                try (Stream<Path> walk = Files.walk(p)) {
                    List<Path> txt = walk.filter(f -> Files.isRegularFile(f) && f.getFileName().toString().endsWith(".txt"))
                            .sorted().toList();
                    if (txt.isEmpty()) throw UserError.badInput(a + ": no *.txt policy files in this directory");
                    files.addAll(txt);
                } catch (IOException e) {
                    throw UserError.failure(a + ": cannot list the directory: " + e.getMessage());
                }
            } else if (Files.isRegularFile(p)) {
                files.add(p);
            } else {
                throw UserError.badInput(a + ": no such file or directory");
            }
        }
        if (id != null && files.size() + out.size() > 1) {
            throw UserError.badInput("--id names one policy, but " + (files.size() + out.size()) + " were given");
        }
        for (Path f : files) {
            try {
                out.add(PolicySource.of(f, id));
            } catch (IOException e) {
                throw UserError.failure(f + ": cannot read: " + e.getMessage());
            }
        }
        return out;
    }
}
