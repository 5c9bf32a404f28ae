package org.privkg.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.jena.system.Txn;
import org.privkg.rdf.RdfFormat;
import org.privkg.store.PolicyStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "export", mixinStandardHelpOptions = true,
        description = "Writes the dataset, or one policy's graph, as Turtle, TriG, N-Quads or JSON-LD.")
final class ExportCommand implements Callable<Integer> {
    @ParentCommand
    Main main;

    @Mixin
    StoreOptions store;

    @Option(names = "--format", required = true, paramLabel = "FMT", description = "ttl, trig, nq or jsonld. Turtle merges the graphs.")
    String format;

    @Option(names = {"-o", "--output"}, paramLabel = "OUT", description = "Write to this file instead of standard output.")
    Path output;

    @Option(names = "--policy", paramLabel = "ID", description = "Export only this policy's graph.")
    String policy;

    @Override
    public Integer call() throws IOException {
        RdfFormat fmt = Formats.rdf(format);
        try (PolicyStore db = Stores.openExisting(store)) {
            if (policy != null && !db.policyIds().contains(policy)) {
                List<String> ids = db.policyIds();
                throw UserError.badInput("no policy '" + policy + "' in " + db.dir() + "; stored: "
                        + (ids.isEmpty() ? "none" : String.join(", ", ids)));
            }
            OutputStream os = output != null ? Files.newOutputStream(output) : main.out;
            try {
                Txn.executeRead(db.dataset(), () -> {
                    var prefixes = RdfFormat.prefixes(store.base);
                    if (policy == null) {
                        fmt.write(db.dataset(), prefixes, os);
                    } else if (fmt.quads) {
                        var one = org.apache.jena.sparql.core.DatasetGraphFactory.createGeneral();
                        one.addGraph(db.policyGraph(policy), db.dataset().getGraph(db.policyGraph(policy)));
                        fmt.write(one, prefixes, os);
                    } else {
                        fmt.write(db.dataset().getGraph(db.policyGraph(policy)), prefixes, os);
                    }
                });
            } finally {
                if (output != null) os.close();
                else os.flush();
            }
        }
        return Main.OK;
    }
}
