package org.privkg.cli;

import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.privkg.annotate.Annotator;
import org.privkg.annotate.ProposedMark;
import org.privkg.annotate.RawPolicy;
import org.privkg.annotation.Diagnostic;
import org.privkg.annotation.Diagnostics;
import org.privkg.pipeline.PolicySource;
import org.privkg.standoff.InlineWriter;
import org.privkg.standoff.StandoffWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** Proposes marks on raw policies, for a human to review ({@code docs/annotating.md}, "Pre-annotation"). */
@Command(name = "annotate", mixinStandardHelpOptions = true,
        header = "Proposes marks on raw policies (text or web pages) for review.",
        description = {"Reads raw policies (UTF-8 text, or --encoding; a *.html or *.htm page, or a file that starts with "
                + "<html, is read by its headings, paragraphs and list items) and proposes actions, data items, parties "
                + "and places, and purposes, from the extractor's lexicon and rules over each clause. Writes to DIR: ID.txt "
                + "with inline marks (--format marks), ID.txt and ID.ann (brat), ID.jsonl (doccano) or ID.json (a Label "
                + "Studio task whose spans are a prediction, each with a score). Nothing is written unless every input reads.",
                "With --evaluate, the inputs are annotated policies instead (any format 'load' reads): their marks are "
                + "removed, proposed again, and compared per mark kind (exact and overlapping spans); a marked NAME.txt "
                + "with a gold file NAME.json beside it also has the practices taken from the proposed marks scored "
                + "(action-data, data-purpose, actor-data)."})
final class AnnotateCommand implements Callable<Integer> {
    enum Target { MARKS, BRAT, DOCCANO, LABELSTUDIO }

    @Spec
    CommandSpec spec;

    @ParentCommand
    Main main;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Raw policies, or directories meaning every *.txt, *.html and *.htm under them.")
    List<Path> files;

    @Option(names = {"-o", "--output"}, paramLabel = "DIR", defaultValue = ".",
            description = "Directory to write to, made when missing (default: the current directory).")
    Path outDir;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "marks",
            description = "marks, brat, doccano or labelstudio (default: marks).")
    String format;

    @Option(names = "--encoding", paramLabel = "NAME", description = "Encoding of text files (default: UTF-8) and of pages "
            + "(default: what the page says, else UTF-8).")
    String encoding;

    @Option(names = "--evaluate", description = "Score the annotator on annotated inputs instead of writing files.")
    boolean evaluate;

    @Override
    public Integer call() {
        ReadOptions read = new ReadOptions();
        read.encoding = encoding;
        Charset charset = encoding == null ? null : read.charset();
        if (evaluate) return new AnnotatorEvaluationRun(spec.commandLine().getOut(), spec.commandLine().getErr())
                .run(files, read);
        Target target = target();
        PrintWriter err = spec.commandLine().getErr();
        Annotator annotator = Annotator.bundled();
        List<PolicySource> sources = raw(files, false);
        Map<String, String> outputs = new LinkedHashMap<>();
        int failed = 0;
        long marks = 0;
        for (PolicySource src : sources) {
            Diagnostics d = new Diagnostics(src.name());
            Optional<String> text = text(src, charset, d);
            for (Diagnostic x : d.all()) err.println(x);
            if (text.isEmpty()) {
                failed++;
                continue;
            }
            List<ProposedMark> proposed = annotator.annotate(text.get());
            marks += proposed.size();
            write(target, src.id(), text.get(), proposed, outputs);
        }
        if (failed > 0) {
            err.println("nothing written: " + failed + " of " + sources.size() + " "
                    + LoadCommand.plural(sources.size(), "policy", "policies") + " could not be read");
            return Main.BAD_INPUT;
        }
        OutputFiles.write(outDir, outputs, sources);
        err.println("annotated " + sources.size() + " " + LoadCommand.plural(sources.size(), "policy", "policies") + ": "
                + marks + " proposed " + LoadCommand.plural(marks, "mark", "marks") + " in " + outputs.size() + " "
                + LoadCommand.plural(outputs.size(), "file", "files") + " in " + outDir + " (review them before loading)");
        return Main.OK;
    }

    private Target target() {
        for (Target t : Target.values()) if (t.name().equalsIgnoreCase(format)) return t;
        throw UserError.badInput("--format: unknown format '" + format + "'; give marks, brat, doccano or labelstudio");
    }

    static Optional<String> text(PolicySource src, Charset charset, Diagnostics d) {
        if (src.refusal().isPresent()) {
            d.fatal(src.refusal().get(), 0, 0);
            return Optional.empty();
        }
        try {
            return RawPolicy.text(src.name(), src.bytes(), charset, d);
        } catch (UncheckedIOException e) {
            d.fatal("cannot read the file: " + e.getCause().getMessage(), 0, 0);
            return Optional.empty();
        }
    }

    private static void write(Target target, String id, String text, List<ProposedMark> proposed, Map<String, String> outputs) {
        var spans = Annotator.spans(proposed);
        String before = switch (target) {
            case MARKS -> outputs.put(id + ".txt", InlineWriter.write(text, spans));
            case BRAT -> {
                outputs.put(id + ".txt", text);
                yield outputs.put(id + ".ann", StandoffWriter.brat(text, spans));
            }
            case DOCCANO -> outputs.put(id + ".jsonl", StandoffWriter.doccano(id, text, spans) + "\n");
            case LABELSTUDIO -> outputs.put(id + ".json", StandoffWriter.labelStudioPrediction(id, text, spans,
                    proposed.stream().map(ProposedMark::score).toList(), Annotator.NAME + " " + Annotator.VERSION) + "\n");
        };
        if (before != null) {
            throw UserError.badInput("two inputs give the policy id '" + id + "' and would be written to the same file; "
                    + "annotate them apart (-o) or rename one");
        }
    }

    /** Raw inputs: files as given, directories as their *.txt, *.html and *.htm files, sorted. */
    static List<PolicySource> raw(List<Path> args, boolean recordPath) {
        List<PolicySource> out = new ArrayList<>();
        for (Path p : args) {
            if (Files.isRegularFile(p)) {
                out.add(PolicySource.of(p, null, recordPath));
            } else if (Files.isDirectory(p)) {
                List<Path> found = Inputs.filesUnder(p).stream().filter(AnnotateCommand::isRaw).toList();
                if (found.isEmpty()) throw UserError.badInput(p + ": no *.txt, *.html or *.htm files in this directory");
                for (Path f : found) out.add(PolicySource.of(f, null, recordPath));
            } else {
                throw UserError.badInput(p + ": no such file or directory");
            }
        }
        return out;
    }

    private static boolean isRaw(Path f) {
        String n = f.getFileName().toString().toLowerCase(Locale.ROOT);
        return n.endsWith(".txt") || n.endsWith(".html") || n.endsWith(".htm");
    }
}
