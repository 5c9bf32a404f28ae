package org.privkg.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.privkg.pipeline.PolicyId;
import org.privkg.pipeline.PolicySource;
import org.privkg.standoff.Format;

/**
 * Turns command-line arguments into policy sources: files, '-' for standard input, directories of
 * *.txt, in the order given (a directory's files sorted by path). File sources are lazy: only paths
 * are kept here and each file is read when its policy is, so memory does not grow with the size of
 * the input.
 */
final class Inputs {
    private Inputs() {
    }

    /*
     * Standoff files: see StandoffInputs. A directory is read as the CA4P release when it holds
     * annotation_data/ and raw_data/; its *.txt with a .ann beside them are brat.
     */
    static List<PolicySource> sources(List<String> args, String id, InputStream stdin) {
        return sources(args, id, stdin, false);
    }

    /**
     * A file whose name gives no valid policy id still becomes a source: the reader rejects it with a
     * diagnostic, like any bad file, and the others go on. A bad {@code --id} is a usage error.
     *
     * @param recordPath record each file's path as given in its graph, not only its name
     */
    static List<PolicySource> sources(List<String> args, String id, InputStream stdin, boolean recordPath) {
        return sources(args, id, stdin, recordPath, null);
    }

    /** @param format the format every input is in ({@code --input}), or null to tell it by extension and layout */
    static List<PolicySource> sources(List<String> args, String id, InputStream stdin, boolean recordPath, Format format) {
        return sources(args, id, stdin, recordPath, format, null);
    }

    /**
     * @param warnings where to say which files of a directory were left out (not *.txt), once per
     *        directory; null to say nothing
     */
    static List<PolicySource> sources(List<String> args, String id, InputStream stdin, boolean recordPath, Format format,
            PrintWriter warnings) {
        if (id != null) {
            PolicyId.message(id).ifPresent(m -> {
                throw UserError.badInput("--id: " + m);
            });
        }
        List<Object> items = new ArrayList<>(); // Path or "-"
        for (String a : args) {
            if (a.equals("-")) {
                items.add(a);
                continue;
            }
            Path p = Path.of(a);
            if (Files.isDirectory(p) && (format == Format.CA4P || format == null && StandoffInputs.isCa4pRelease(p))) {
                items.addAll(StandoffInputs.ca4pRelease(p, recordPath));
            } else if (Files.isDirectory(p) && (format == Format.DOCCANO || format == Format.LABELSTUDIO)) {
                items.addAll(StandoffInputs.listed(p, format == Format.DOCCANO ? ".jsonl" : ".json"));
            } else if (Files.isDirectory(p)) {
                List<Path> files = filesUnder(p);
                List<Path> txt = files.stream().filter(f -> f.getFileName().toString().endsWith(".txt")).toList();
                if (txt.isEmpty()) throw UserError.badInput(a + ": no *.txt policy files in this directory"
                        + (files.isEmpty() ? "" : "; " + STANDOFF_HINT));
                if (warnings != null) warnLeftOut(warnings, a, files);
                items.addAll(txt);
            } else if (Files.isRegularFile(p)) {
                items.add(p);
            } else {
                throw UserError.badInput(a + ": no such file or directory");
            }
        }
        if (id != null && items.size() > 1) {
            throw UserError.badInput("--id names one policy, but " + items.size() + " were given");
        }
        List<PolicySource> out = new ArrayList<>(items.size());
        for (Object item : items) {
            if (item instanceof PolicySource s) {
                out.add(s);
            } else if (item instanceof Path f) {
                out.addAll(StandoffInputs.sources(f, id, recordPath, format));
            } else {
                try {
                    out.add(PolicySource.stdin(stdin, id));
                } catch (IOException e) {
                    throw UserError.failure("cannot read standard input: " + e.getMessage());
                }
            }
        }
        if (id != null && out.size() > 1) {
            throw UserError.badInput("--id names one policy, but the input holds " + out.size());
        }
        return out;
    }

    /**
     * Every file below {@code dir}, sorted. A file that cannot be read (no permission, a dangling link) is
     * listed too: the reader then reports it, rather than it vanishing from the input unsaid.
     */
    static List<Path> filesUnder(Path dir) {
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(f -> !Files.isDirectory(f)).sorted().toList();
        } catch (IOException | java.io.UncheckedIOException e) {
            throw UserError.failure(dir + ": cannot list the directory: " + e.getMessage());
        }
    }

    static final String STANDOFF_HINT = "standoff annotations are read with --input brat|doccano|labelstudio|ca4p";
    /** How many left-out files a warning names before it only counts them. */
    static final int NAMED = 5;

    /**
     * Says once which files of a directory are not read as policies: neither *.txt nor the brat .ann
     * beside one (read with it). Hidden files (.DS_Store, editor swap files) are left out unsaid.
     */
    private static void warnLeftOut(PrintWriter warnings, String dir, List<Path> files) {
        List<String> left = new ArrayList<>();
        for (Path f : files) {
            String name = f.getFileName().toString();
            if (name.endsWith(".txt") || name.startsWith(".")) continue;
            if (name.endsWith(".ann") && Files.exists(f.resolveSibling(name.substring(0, name.length() - 4) + ".txt"))) continue;
            left.add(Path.of(dir).relativize(f).toString());
        }
        if (left.isEmpty()) return;
        String named = String.join(", ", left.subList(0, Math.min(NAMED, left.size())))
                + (left.size() > NAMED ? " and " + (left.size() - NAMED) + " more" : "");
        warnings.println("privkg: warning: " + dir + ": " + left.size() + (left.size() == 1 ? " file is" : " files are")
                + " not *.txt and not read: " + named + "; only *.txt files of a directory are policies (inline marks, "
                + "or brat with the .ann beside them); " + STANDOFF_HINT);
        warnings.flush();
    }
}
