package org.privkg.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.privkg.generate.CorpusGenerator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Writes a synthetic corpus for benchmarks (see {@link CorpusGenerator}). */
@Command(name = "generate", mixinStandardHelpOptions = true,
        header = "Writes N synthetic annotated policies for benchmarks, varied from the bundled ones.",
        description = "Writes N synthetic annotated policies for benchmarks, varied from the bundled ones (owner names, data labels, paragraphs). The same seed always gives the same files.")
final class GenerateCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--count", required = true, paramLabel = "N", description = "Number of policies.")
    int count;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Directory to write policy-NNNNN.txt into.")
    Path out;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "42", description = "Seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--templates", paramLabel = "DIR",
            description = "Annotated policies to vary (default: the bundled data/policies).")
    Path templates;

    @Override
    public Integer call() throws IOException {
        if (count < 1) throw UserError.badInput("--count must be at least 1");
        Path dir = templates != null ? templates : DemoCommand.policiesDir();
        if (!Files.isDirectory(dir)) throw UserError.badInput(dir + ": no such directory");
        long t0 = System.nanoTime();
        long bytes = new CorpusGenerator(CorpusGenerator.templatesFrom(dir), seed).write(out, count);
        PrintWriter err = spec.commandLine().getErr();
        err.printf("generated %,d policies (%,.1f MB) in %s in %.1f s (seed %d)%n", count, bytes / 1e6, out,
                (System.nanoTime() - t0) / 1e9, seed);
        return Main.OK;
    }
}
