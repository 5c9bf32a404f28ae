package org.privkg.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.jena.riot.RDFFormat;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.riot.system.StreamRDFLib;
import org.apache.jena.riot.system.StreamRDFWriter;
import org.privkg.extract.Explanation;
import org.privkg.pipeline.ParallelReader;
import org.privkg.pipeline.PolicyReader;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.privkg.pipeline.PolicySource;
import org.privkg.rdf.Iris;
import org.privkg.rdf.PolicyGraphWriter;
import org.privkg.rdf.RdfFormat;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "extract", mixinStandardHelpOptions = true,
        header = "Extracts policies to RDF without a store.",
        description = "Extracts policies to RDF without a store: one named graph per policy. Diagnostics go to standard error as FILE:LINE:COL: error: MESSAGE (the first 100 of a file, then one line FILE: … and N more).")
final class ExtractCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @ParentCommand
    Main main;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Annotated policy files or directories of *.txt; '-' reads standard input.")
    List<String> files;

    @Option(names = "--format", paramLabel = "FMT", defaultValue = "trig",
            description = "ttl, trig, nq or jsonld (default: ${DEFAULT-VALUE}). Turtle merges the policies' graphs.")
    String format;

    @Option(names = {"-o", "--output"}, paramLabel = "OUT", description = "Write to this file instead of standard output.")
    Path output;

    @Option(names = "--base", paramLabel = "IRI", description = "Base of instance IRIs (default: https://w3id.org/privkg/id/).")
    String base;

    @Option(names = "--id", paramLabel = "ID", description = "Policy id (default: the file name without extension; 'stdin' for -): 1 to 128 letters, digits, '-', '_' or '.', starting with a letter or digit.")
    String id;

    @Mixin
    ReadOptions read;

    @Option(names = "--explain", description = "Instead of RDF, print per clause (FILE:LINE:COL) the practices taken "
            + "and which rule decided each data item, party, negation and condition (docs/annotating.md).")
    boolean explain;

    @Option(names = "--threads", paramLabel = "N", defaultValue = "0",
            description = "Threads reading and extracting policies (default: one per core).")
    int threads;

    @Override
    public Integer call() throws IOException {
        RdfFormat fmt = Formats.rdf(format);
        read.charset();
        read.labelMap();
        List<PolicySource> sources = Inputs.sources(files, id, main.in, read.recordSourcePath, read.format());
        if (explain) return explain(sources);
        PolicyGraphWriter writer = new PolicyGraphWriter(new Iris(base));
        // N-Quads need no prefixes and no grouping: written as each policy is read, in input order, so
        // memory stays flat however many policies there are. The other formats order the whole dataset.
        boolean streaming = fmt == RdfFormat.NQ;
        DatasetGraph all = streaming ? null : DatasetGraphFactory.createTxnMem();
        boolean[] allOk = {true};
        try (CommandOutput out = CommandOutput.open(output, main.out)) {
            OutputStream os = out.stream();
            StreamRDF sink = streaming ? StreamRDFWriter.getWriterStream(os, RDFFormat.NQUADS_UTF8) : StreamRDFLib.dataset(all);
            sink.start();
            ParallelReader.read(sources, threads, read::reader, outcome -> {
                allOk[0] &= Reporting.report(outcome, spec.commandLine().getErr());
                outcome.policy().ifPresent(p -> writer.write(p, sink));
            });
            sink.finish();
            if (!streaming) fmt.write(all, RdfFormat.prefixes(base), os);
            out.commit();
        }
        return allOk[0] ? Main.OK : Main.BAD_INPUT;
    }

    /** Reads the policies one after another, printing what the rules decided: a reading aid, not an export. */
    private Integer explain(List<PolicySource> sources) throws IOException {
        PolicyReader reader = read.reader();
        boolean ok = true;
        try (CommandOutput out = CommandOutput.open(output, main.out)) {
            java.io.PrintWriter w = new java.io.PrintWriter(new java.io.OutputStreamWriter(out.stream(),
                    java.nio.charset.StandardCharsets.UTF_8));
            for (PolicySource src : sources) {
                Explanation explanation = Explanation.recording();
                ok &= Reporting.report(reader.read(src, explanation), spec.commandLine().getErr());
                for (String line : explanation.lines()) w.println(line);
            }
            w.flush();
            out.commit();
        }
        return ok ? Main.OK : Main.BAD_INPUT;
    }
}
