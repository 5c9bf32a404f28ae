package org.privkg.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.privkg.extract.ExtractedPolicy;
import org.privkg.pipeline.PolicyReader;
import org.privkg.pipeline.PolicySource;
import org.privkg.store.PolicyStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "load", mixinStandardHelpOptions = true,
        description = {"Loads policies into a TDB2 dataset, each as its own named graph.",
                "Loading a policy again replaces its graph in one transaction. A file with an error is",
                "rejected whole (exit 2) and the dataset keeps what it had; the other files still load.",
                "Each policy is checked against the SHACL shapes; violations are warnings and do not stop loading."})
final class LoadCommand implements Callable<Integer> {
    /** Policies per write transaction: large enough to amortise commits, small enough to bound memory. */
    private static final int BATCH = 200;

    @Spec
    CommandSpec spec;

    @ParentCommand
    Main main;

    @Mixin
    StoreOptions store;

    @Mixin
    ReadOptions read;

    @Parameters(arity = "1..*", paramLabel = "FILE_OR_DIR", description = "Policy files, or directories meaning every *.txt under them.")
    List<String> inputs;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        List<PolicySource> sources = Inputs.sources(inputs, null, main.in);
        PolicyReader reader = read.reader();
        int loaded = 0;
        int rejected = 0;
        try (PolicyStore db = Stores.open(store)) {
            List<ExtractedPolicy> batch = new ArrayList<>();
            for (PolicySource src : sources) {
                PolicyReader.Outcome outcome = reader.read(src);
                if (!Reporting.report(outcome, err)) {
                    rejected++;
                    continue;
                }
                batch.add(outcome.policy().get());
                LoadValidation.warn(outcome.policy().get(), store.base, err);
                if (batch.size() >= BATCH) {
                    db.replace(batch);
                    loaded += batch.size();
                    batch.clear();
                }
            }
            if (!batch.isEmpty()) {
                db.replace(batch);
                loaded += batch.size();
            }
            err.println("loaded " + loaded + " " + plural(loaded, "policy", "policies") + " into " + db.dir()
                    + (rejected > 0 ? "; " + rejected + " rejected" : ""));
        }
        return rejected > 0 ? Main.BAD_INPUT : Main.OK;
    }

    static String plural(int n, String one, String many) {
        return n == 1 ? one : many;
    }
}
