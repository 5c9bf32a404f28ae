package org.privkg.cli;

import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.privkg.annotation.AnnotationParser;
import org.privkg.annotation.AnnotationParser.MarkSpan;
import org.privkg.annotation.Diagnostic;
import org.privkg.annotation.Diagnostics;
import org.privkg.pipeline.PolicySource;
import org.privkg.pipeline.StandoffReading;
import org.privkg.standoff.Format;
import org.privkg.standoff.InlineReader;
import org.privkg.standoff.InlineWriter;
import org.privkg.standoff.StandoffWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * Moves annotations between inline marks and the annotation tools' files. Every input is read and
 * checked first; files are written only when all of them converted, each beside its target and moved
 * over it at the end ({@link CommandOutput}).
 */
@Command(name = "convert", mixinStandardHelpOptions = true,
        header = "Converts annotations between inline marks and annotation tools' files.",
        description = {"Converts each policy to inline marks (--to marks: ID.txt), brat (--to brat: ID.txt, the plain text, "
                + "and ID.ann) or doccano (--to doccano: ID.jsonl, one line), written to DIR. Inputs are told as 'load' tells "
                + "them (brat, doccano, Label Studio, CA4P, inline marks; or --input). Offsets are code points; labels "
                + "data, action, entity, purpose. Evidence spans (e.g. 'condition') have no inline mark and are left out "
                + "with a warning. Marks → brat → marks gives back the same bytes.",
                "Nothing is written unless every input converts: problems go to standard error as FILE:LINE:COL: error: "
                + "MESSAGE, and the exit code is 2. Outputs are UTF-8; an output file that is one of the inputs is refused."})
final class ConvertCommand implements Callable<Integer> {
    enum Target { MARKS, BRAT, DOCCANO }

    @Spec
    CommandSpec spec;

    @ParentCommand
    Main main;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Policy files or directories, as 'load' takes them; '-' reads inline marks from standard input.")
    List<String> files;

    @Option(names = "--to", required = true, paramLabel = "FORMAT", description = "marks, brat or doccano.")
    String to;

    @Option(names = {"-o", "--output"}, paramLabel = "DIR", defaultValue = ".",
            description = "Directory to write to, made when missing (default: the current directory).")
    Path outDir;

    @Option(names = "--input", paramLabel = "FORMAT", description = "Format of the inputs: " + Format.NAMES
            + " (default: told by extension and layout, as 'load' tells it).")
    String input;

    @Option(names = "--labels", paramLabel = "MAP.json", description = "What the label names of standoff files mean, added "
            + "to the default map, as for 'load'.")
    Path labels;

    @Option(names = "--encoding", paramLabel = "NAME", description = "Encoding of inline and brat text files (default: UTF-8).")
    String encoding;

    @Option(names = "--lenient", description = "Leave a bad standoff span out with a warning instead of refusing its file. "
            + "Inline marks are always read strictly: a bad mark is an error.")
    boolean lenient;

    /** A converted policy: the files it becomes, name → content. */
    private record Converted(Map<String, String> files) {
    }

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        Target target = target();
        ReadOptions read = new ReadOptions();
        read.input = input;
        read.labels = labels;
        read.encoding = encoding;
        Charset charset = read.charset();
        StandoffReading standoff = new StandoffReading(charset, lenient, read.labelMap());
        List<PolicySource> sources = Inputs.sources(files, null, main.in, false, read.format());

        Map<String, String> outputs = new LinkedHashMap<>();
        Map<String, String> writtenFor = new LinkedHashMap<>();
        int failed = 0;
        for (PolicySource src : sources) {
            Diagnostics d = new Diagnostics(src.name());
            Optional<Converted> c = convert(src, target, charset, standoff, d);
            for (Diagnostic x : d.all()) err.println(x);
            if (d.omittedLine() != null) err.println(d.omittedLine());
            if (c.isEmpty()) {
                err.println(src.name() + ": not converted (fix the errors above"
                        + (src.format() != Format.MARKS && !lenient ? ", or pass --lenient to leave bad spans out" : "") + ")");
                failed++;
                continue;
            }
            for (var f : c.get().files().entrySet()) {
                String before = writtenFor.putIfAbsent(f.getKey(), src.name());
                if (before != null) {
                    throw UserError.badInput("both " + before + " and " + src.name() + " would be written to "
                            + outDir.resolve(f.getKey()) + "; convert them apart (-o) or rename one");
                }
                outputs.put(f.getKey(), f.getValue());
            }
        }
        if (failed > 0) {
            err.println("nothing written: " + failed + " of " + sources.size() + " "
                    + LoadCommand.plural(sources.size(), "policy", "policies") + " did not convert");
            return Main.BAD_INPUT;
        }
        OutputFiles.write(outDir, outputs, sources);
        err.println("converted " + sources.size() + " " + LoadCommand.plural(sources.size(), "policy", "policies")
                + " to " + target.name().toLowerCase(Locale.ROOT) + ": " + outputs.size() + " "
                + LoadCommand.plural(outputs.size(), "file", "files") + " in " + outDir);
        return Main.OK;
    }

    private Target target() {
        for (Target t : Target.values()) if (t.name().equalsIgnoreCase(to)) return t;
        throw UserError.badInput("--to: unknown format '" + to + "'; give marks, brat or doccano");
    }

    private static Optional<Converted> convert(PolicySource src, Target target, Charset charset, StandoffReading standoff,
            Diagnostics d) {
        Optional<InlineReader.Plain> plain = AnnotatedInput.read(src, charset, standoff, d);
        if (plain.isEmpty()) return Optional.empty();
        String text = plain.get().text();
        List<MarkSpan> marks = plain.get().marks();
        String id = src.id();
        Map<String, String> out = new LinkedHashMap<>();
        switch (target) {
            case MARKS -> {
                String marked = InlineWriter.write(text, marks);
                if (!readsBack(marked, text, marks, src.id() + ".txt", d)) return Optional.empty();
                out.put(id + ".txt", marked);
            }
            case BRAT -> {
                out.put(id + ".txt", text);
                out.put(id + ".ann", StandoffWriter.brat(text, marks));
            }
            case DOCCANO -> out.put(id + ".jsonl", StandoffWriter.doccano(id, text, marks) + "\n");
        }
        return Optional.of(new Converted(out));
    }

    /**
     * True when the written marks parse cleanly into the same text and marks. A span inline marks
     * cannot hold (one across two line ends, one that is only Markdown emphasis) is reported instead.
     */
    private static boolean readsBack(String marked, String text, List<MarkSpan> marks, String written, Diagnostics d) {
        Diagnostics again = new Diagnostics(written);
        new AnnotationParser(false).parse("check", written, marked, again);
        if (again.hasErrors()) {
            for (Diagnostic x : again.all()) {
                d.error("a span cannot be written as an inline mark: in the marks written for it, " + x.line() + ":"
                        + x.column() + ": " + x.message(), 0, 0);
            }
            return false;
        }
        InlineReader.Plain back = InlineReader.read(marked);
        if (!back.text().equals(text) || !back.marks().equals(marks)) {
            d.error("the marks written for it do not read back as the same text and spans", 0, 0);
            return false;
        }
        return true;
    }
}
