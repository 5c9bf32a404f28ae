package org.privkg.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.privkg.pipeline.PolicySource;
import org.privkg.standoff.DoccanoLine;
import org.privkg.standoff.Format;
import org.privkg.standoff.LabelStudioTask;

/**
 * Which format a file is in, and the policies it holds. Told by extension and layout unless
 * {@code --input} says: NAME.txt with NAME.ann beside it (or the .ann given) is brat, *.jsonl doccano,
 * *.json Label Studio, a *.json in annotation_data/ with raw_data/ beside it CA4P, anything else
 * inline marks. A doccano or Label Studio file of many policies is split here, one source a policy.
 */
final class StandoffInputs {
    private StandoffInputs() {
    }

    static boolean isCa4pRelease(Path dir) {
        return Files.isDirectory(dir.resolve("annotation_data")) && Files.isDirectory(dir.resolve("raw_data"));
    }

    /** The policies of a CA4P release directory: annotation_data/NNNN.json over raw_data/NNNN.html. */
    static List<PolicySource> ca4pRelease(Path dir, boolean recordPath) {
        List<PolicySource> out = new ArrayList<>();
        for (Path json : listed(dir.resolve("annotation_data"), ".json")) {
            out.add(PolicySource.standoff(Format.CA4P, json, ca4pText(json), null, recordPath));
        }
        return out;
    }

    private static Path ca4pText(Path json) {
        return json.getParent().resolveSibling("raw_data").resolve(PolicySource.idOf(json) + ".html");
    }

    static List<Path> listed(Path dir, String extension) {
        try (Stream<Path> walk = Files.walk(dir)) {
            List<Path> files = walk.filter(f -> f.getFileName().toString().endsWith(extension) && Files.isRegularFile(f)).sorted().toList();
            if (files.isEmpty()) throw UserError.badInput(dir + ": no *" + extension + " files in this directory");
            return files;
        } catch (IOException | java.io.UncheckedIOException e) {
            throw UserError.failure(dir + ": cannot list the directory: " + e.getMessage());
        }
    }

    static List<PolicySource> sources(Path f, String id, boolean recordPath, Format given) {
        String name = f.getFileName().toString();
        Format format = given != null ? given : told(f, name);
        return switch (format) {
            case MARKS -> List.of(PolicySource.of(f, id, recordPath));
            case BRAT -> {
                Path txt = name.endsWith(".ann") ? f.resolveSibling(PolicySource.idOf(f) + ".txt") : f;
                yield List.of(PolicySource.standoff(Format.BRAT, txt, txt.resolveSibling(PolicySource.idOf(txt) + ".ann"), id, recordPath));
            }
            case CA4P -> List.of(PolicySource.standoff(Format.CA4P, f, ca4pText(f), id, recordPath));
            case DOCCANO -> doccano(f, id);
            case LABELSTUDIO -> labelStudio(f, id);
        };
    }

    private static Format told(Path f, String name) {
        if (name.endsWith(".ann")) return Format.BRAT;
        if (name.endsWith(".txt")) {
            return Files.isRegularFile(f.resolveSibling(PolicySource.idOf(f) + ".ann")) ? Format.BRAT : Format.MARKS;
        }
        if (name.endsWith(".jsonl")) return Format.DOCCANO;
        if (name.endsWith(".json")) {
            Path parent = f.toAbsolutePath().getParent();
            boolean release = parent.getFileName() != null && parent.getFileName().toString().equals("annotation_data")
                    && Files.isDirectory(parent.resolveSibling("raw_data"));
            return release ? Format.CA4P : Format.LABELSTUDIO;
        }
        return Format.MARKS;
    }

    /** One source per line that is not blank; its id from its 'id' field, else the file's name (and the line when there are many). */
    private static List<PolicySource> doccano(Path f, String id) {
        String[] lines = read(f).split("\r?\n", -1);
        List<Integer> used = new ArrayList<>();
        for (int i = 0; i < lines.length; i++) if (!lines[i].isBlank()) used.add(i);
        String stem = PolicySource.idOf(f);
        List<PolicySource> out = new ArrayList<>();
        for (int i : used) {
            String own = id != null ? id : DoccanoLine.id(lines[i]).orElse(used.size() == 1 ? stem : stem + "-" + (i + 1));
            out.add(PolicySource.record(Format.DOCCANO, own, f.toString(), lines[i].getBytes(StandardCharsets.UTF_8), i + 1));
        }
        return out;
    }

    private static List<PolicySource> labelStudio(Path f, String id) {
        String json = read(f);
        String stem = PolicySource.idOf(f);
        var tasks = LabelStudioTask.tasks(json, stem);
        if (tasks.isEmpty()) { // not an array of tasks: read whole, so the reader names what is wrong and where
            return List.of(PolicySource.record(Format.LABELSTUDIO, id != null ? id : stem, f.toString(),
                    json.getBytes(StandardCharsets.UTF_8), 1));
        }
        List<PolicySource> out = new ArrayList<>();
        for (Map.Entry<String, String> t : tasks.get()) {
            out.add(PolicySource.record(Format.LABELSTUDIO, id != null ? id : t.getKey(), f.toString(),
                    t.getValue().getBytes(StandardCharsets.UTF_8), 0));
        }
        return out;
    }

    private static String read(Path f) {
        try {
            return Files.readString(f, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw UserError.badInput(f + ": cannot read the file: " + e.getMessage());
        }
    }
}
