package org.privkg.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.privkg.pipeline.LoadPipeline;
import org.privkg.pipeline.PolicySource;
import org.privkg.pipeline.ShapeCheck;
import org.privkg.store.BulkLoad;
import org.privkg.store.PolicyStore;
import org.privkg.store.StoreException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "load", mixinStandardHelpOptions = true,
        header = "Loads policies into a TDB2 dataset, each as its own named graph.",
        description = "Loads policies into a TDB2 dataset, each as its own named graph. Files are read and extracted in parallel and written by one writer as they come: a dataset without policies is bulk loaded (its indexes written from sorted tuples), an existing one takes write transactions bounded by the quads changed, and loading a policy again replaces its graph in one transaction, writing only the quads that differ; when its input changed, the version replaced is kept ('privkg versions', 'privkg diff'). A bulk load killed before it finished leaves an empty dataset. A file with an error is rejected whole (exit 2) and nothing of it is stored; the other files still load. With --lenient a bad mark becomes plain text, and a file that cannot be read at all is skipped (reported, exit 0). Each policy is checked against the SHACL shapes; violations are warnings (--no-validate skips the check). A progress bar shows on standard error when it is a terminal.")
final class LoadCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @ParentCommand
    Main main;

    @Mixin
    StoreOptions store;

    @Mixin
    ReadOptions read;

    @Option(names = "--threads", paramLabel = "N", defaultValue = "0",
            description = "Threads reading and extracting policies (default: one per core).")
    int threads;

    @Option(names = "--mapped", description = "Map TDB2's files into memory instead of reading and writing them "
            + "through caches of fixed size in the heap (the default, which keeps resident memory bounded). Adding to a "
            + "large existing dataset goes faster, but resident memory then grows with the size of the dataset.")
    boolean mapped;

    @Option(names = "--progress", negatable = true,
            description = "Show a progress bar on standard error (default: when it is a terminal).")
    Boolean progress;

    @Option(names = "--validate", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "Check each policy against the SHACL shapes and warn about violations (default: on; "
                    + "it runs in the extracting threads, a few ms of CPU per policy; --no-validate skips it).")
    boolean validate;

    @Option(names = "--annotate", description = "The inputs are raw policies (text, or web pages *.html): propose their marks "
            + "as 'privkg annotate' does and load the result. Each graph records that a program made its marks "
            + "(pk:annotatedBy); 'stats' counts such policies apart.")
    boolean annotate;

    @Option(names = "--meta", paramLabel = "CSV", description = "Also store what this CSV file says about each policy: a header "
            + "line, then one row per policy; columns id (required), app (name), sector (or category), version_date "
            + "(2021-03-05), url (where the policy was published), and any other. Stored after the policies of this command, "
            + "in a graph of its own, so it stays when a policy is loaded again; a policy's earlier metadata is replaced. "
            + "A row whose policy is not stored is left out with a warning; a bad row is an error and nothing of the file is "
            + "stored. Given alone (no FILE_OR_DIR), only the metadata is stored.")
    Path meta;

    @Parameters(arity = "0..*", paramLabel = "FILE_OR_DIR", description = "Policy files, or directories meaning every *.txt under them.")
    List<String> inputs = List.of();

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        if (inputs.isEmpty() && meta == null) throw UserError.badInput("nothing to load: give policy files or directories, or --meta CSV");
        MetadataLoad metadata = meta == null ? null : MetadataLoad.read(meta);
        if (inputs.isEmpty()) return storeMetadataOnly(metadata, err);
        List<PolicySource> sources = annotate ? AnnotateCommand.raw(inputs.stream().map(java.nio.file.Path::of).toList(), read.recordSourcePath)
                : Inputs.sources(inputs, null, main.in, read.recordSourcePath, read.format(), err);
        read.charset();
        read.labelMap(); // a bad --encoding is a usage error, before anything is opened
        boolean bar = progress != null ? progress : main.errIsTerminal && Progress.stderrIsTerminal();
        org.privkg.annotate.Annotator annotator = annotate ? org.privkg.annotate.Annotator.bundled() : null;
        LoadPipeline pipeline = new LoadPipeline(() -> read.reader(annotator), threads,
                validate ? new ShapeCheck(store.base) : null);
        LoadPipeline.Summary summary;
        Progress p;
        // JVM-wide and only before the first dataset is opened: in force for the command line, where
        // each command has a JVM of its own (a JVM that opened datasets before keeps mapping them)
        if (!mapped) PolicyStore.useDirectFileMode();
        try (PolicyStore db = Stores.open(store)) {
            if (db.interruptedBulkLoadDiscarded()) {
                err.println("privkg: a bulk load into " + db.dir() + " was interrupted before it finished; the dataset "
                        + "held no policies before it and has been emptied (load them again)");
            }
            p = new Progress(err, sources, bar, read.lenient);
            try (p) {
                summary = pipeline.load(db, sources, p);
            } catch (StoreException e) {
                throw UserError.failure(e.getMessage());
            }
            err.println(p.summary(summary, db.dir()));
            if (metadata != null) metadata.store(db, err);
            if (summary.mode() == BulkLoad.Mode.TRANSACTIONS) Reporting.compactionHint(err, db);
        }
        return summary.rejected() > 0 && !read.lenient ? Main.BAD_INPUT : Main.OK;
    }

    private Integer storeMetadataOnly(MetadataLoad metadata, PrintWriter err) {
        try (PolicyStore db = Stores.openExisting(store)) {
            metadata.store(db, err);
        }
        return Main.OK;
    }

    static String plural(long n, String one, String many) {
        return n == 1 ? one : many;
    }
}
