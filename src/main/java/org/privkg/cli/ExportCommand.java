package org.privkg.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.system.Txn;
import org.privkg.export.PracticeTable;
import org.privkg.rdf.DatasetExport;
import org.privkg.rdf.RdfFormat;
import org.privkg.store.PolicyStore;
import org.privkg.vocab.PK;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "export", mixinStandardHelpOptions = true,
        header = "Writes the graphs (Turtle, TriG, N-Quads, JSON-LD) or the practices table (CSV, JSON).",
        description = "Writes the policy graphs, or one policy's graph, as Turtle, TriG, N-Quads or JSON-LD, or the practices as a CSV or JSON table (one row per practice x data item x purpose). RDF output is canonical: the same data gives byte-identical files, so versions can be diffed.")
final class ExportCommand implements Callable<Integer> {
    @ParentCommand
    Main main;

    @Mixin
    StoreOptions store;

    @Option(names = "--format", required = true, paramLabel = "FMT",
            description = "ttl, trig, nq, jsonld (RDF; Turtle merges the graphs), or csv, json (the practices table).")
    String format;

    @Option(names = {"-o", "--output"}, paramLabel = "OUT", description = "Write to this file instead of standard output.")
    Path output;

    @Option(names = "--policy", paramLabel = "ID", description = "Export only this policy.")
    String policy;

    @Option(names = "--with-ontology", description = "Also write the ontology graph (RDF formats), so the file stands alone.")
    boolean withOntology;

    @Option(names = "--with-provenance", description = "Also write the provenance graph (RDF formats): where each stored "
            + "policy came from and when it was loaded. Left out by default, since the load time would make the output differ "
            + "for the same data. It holds every policy's provenance, also with --policy.")
    boolean withProvenance;

    @Option(names = "--with-metadata", description = "Also write the metadata graph (RDF formats): what 'load --meta' stored "
            + "about each policy (app name, sector, version date, source URL, other columns). It holds every policy's metadata, also with --policy.")
    boolean withMetadata;

    @Option(names = "--sort-memory", paramLabel = "TRIPLES", defaultValue = "200000",
            description = "Triples held in memory while sorting into canonical order (default: ${DEFAULT-VALUE}); past that, sorted runs go to a temporary directory beside OUT (without -o: java.io.tmpdir) and are deleted at the end.")
    int sortMemory;

    @Override
    public Integer call() throws IOException {
        RdfFormat fmt = Formats.export(format);
        boolean table = fmt == null;
        if (table && withOntology) throw UserError.badInput("--with-ontology applies to the RDF formats, not to " + format);
        if (table && withProvenance) throw UserError.badInput("--with-provenance applies to the RDF formats, not to " + format);
        if (table && withMetadata) throw UserError.badInput("--with-metadata applies to the RDF formats, not to " + format);
        if (sortMemory < 1000) throw UserError.badInput("--sort-memory must be at least 1000 triples");
        // TDB2's index files read through a bounded heap cache, not mapped: a scan of every index block
        // would otherwise count all of them in resident memory (1.2 GB at 10,000 policies). JVM-wide, and only
        // before the first dataset is opened (as load does)
        PolicyStore.useDirectFileMode();
        try (PolicyStore db = Stores.openForReading(store)) {
            if (policy != null) PolicyIds.requireStored(db, policy);
            List<String> ids = db.policyIds();
            var prefixes = RdfFormat.prefixes(store.base);
            boolean bar = main.errIsTerminal && Progress.stderrIsTerminal();
            try (CommandOutput out = CommandOutput.open(output, main.out); ExportProgress progress = new ExportProgress(main.err, bar)) {
                OutputStream os = out.stream();
                Map<String, Node> graphsById = new LinkedHashMap<>();
                for (String id : policy == null ? ids : List.of(policy)) graphsById.put(id, db.policyGraph(id));
                long written;
                if (table) {
                    PracticeTable t = new PracticeTable(db.dataset(), prefixes);
                    boolean csv = format.equalsIgnoreCase("csv");
                    written = Txn.calculateRead(db.dataset(), () -> {
                        try {
                            return csv ? t.writeCsv(graphsById, os) : t.writeJson(graphsById, os);
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    });
                } else {
                    List<Node> graphs = new ArrayList<>(graphsById.values());
                    if (withOntology) graphs.add(NodeFactory.createURI(PK.ONTOLOGY_GRAPH));
                    if (withProvenance) graphs.add(NodeFactory.createURI(PK.PROVENANCE_GRAPH));
                    if (withMetadata) graphs.add(NodeFactory.createURI(PK.METADATA_GRAPH));
                    DatasetExport export = new DatasetExport(db.dataset(), prefixes, sortMemory, sortDir(), progress);
                    Txn.executeRead(db.dataset(), () -> {
                        try {
                            export.write(fmt, graphs, os);
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    });
                    written = export.triplesWritten();
                }
                out.commit();
                progress.done(written, table ? "rows" : "triples", output);
            } catch (UncheckedIOException e) {
                // a full disk, most often: the partial file is gone and an existing OUT untouched
                throw UserError.failure("export failed: " + e.getCause().getMessage()
                        + (output == null ? "" : "; " + output + " was not written (nor changed)") + "; free space or choose another --output");
            }
        }
        return Main.OK;
    }

    /** Where sorts that outgrow memory put their runs: beside the output, whose disk has to hold as much anyway. */
    private Path sortDir() {
        if (output == null) return Path.of(System.getProperty("java.io.tmpdir"));
        return output.toAbsolutePath().getParent();
    }
}
