package org.privkg.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.privkg.annotate.Annotator;
import org.privkg.annotation.Diagnostic;
import org.privkg.annotation.Diagnostics;
import org.privkg.conformance.AnnotatorEvaluation;
import org.privkg.conformance.GoldScorer;
import org.privkg.pipeline.PolicySource;
import org.privkg.pipeline.StandoffReading;
import org.privkg.standoff.Format;
import org.privkg.standoff.InlineReader;

/** 'annotate --evaluate': reads annotated inputs as 'load' does and prints how the annotator does on them. */
final class AnnotatorEvaluationRun {
    private final PrintWriter out;
    private final PrintWriter err;

    AnnotatorEvaluationRun(PrintWriter out, PrintWriter err) {
        this.out = out;
        this.err = err;
    }

    int run(List<Path> inputs, ReadOptions read) {
        List<PolicySource> sources = Inputs.sources(inputs.stream().map(Path::toString).toList(), null, null, false, null);
        StandoffReading standoff = new StandoffReading(read.charset(), true, read.labelMap());
        AnnotatorEvaluation eval = new AnnotatorEvaluation(Annotator.bundled());
        int unmarked = 0;
        int bad = 0;
        for (PolicySource src : sources) {
            Diagnostics d = new Diagnostics(src.name());
            Optional<InlineReader.Plain> plain = AnnotatedInput.read(src, read.charset(), standoff, d);
            for (Diagnostic x : d.all()) if (x.severity().compareTo(org.privkg.annotation.Severity.WARNING) > 0) err.println(x);
            if (plain.isEmpty()) {
                bad++;
            } else if (plain.get().marks().isEmpty()) {
                unmarked++; // a raw text beside the annotated ones (NAME.raw.txt): nothing to compare with
            } else {
                eval.add(new AnnotatorEvaluation.Case(src.id(), plain.get().text(), plain.get().marks(), gold(src)));
            }
        }
        out.print(eval.report());
        if (unmarked > 0) out.println(unmarked + " " + LoadCommand.plural(unmarked, "input", "inputs") + " without marks left out");
        out.flush();
        if (bad > 0) {
            err.println(bad + " " + LoadCommand.plural(bad, "input", "inputs") + " could not be read (see above)");
            return Main.BAD_INPUT;
        }
        return Main.OK;
    }

    /** The gold practices beside a marked NAME.txt (NAME.json), if there is such a file. */
    private Optional<GoldScorer.Gold> gold(PolicySource src) {
        if (src.format() != Format.MARKS) return Optional.empty();
        Path json = Path.of(src.name()).resolveSibling(src.id() + ".json");
        if (!Files.isRegularFile(json)) return Optional.empty();
        try {
            return Optional.of(GoldScorer.Gold.read(json));
        } catch (IOException | IllegalArgumentException e) {
            err.println(json + ": not a gold file of practices (" + e.getMessage() + "); its practices are not scored");
            return Optional.empty();
        }
    }
}
