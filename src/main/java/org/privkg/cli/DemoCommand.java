package org.privkg.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.privkg.pipeline.LoadPipeline;
import org.privkg.pipeline.PolicyReader;
import org.privkg.pipeline.PolicySource;
import org.privkg.pipeline.ShapeCheck;
import org.privkg.query.QueryLibrary;
import org.privkg.query.QueryRunner;
import org.privkg.rdf.RdfFormat;
import org.privkg.store.PolicyStore;
import org.privkg.store.StoreException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "demo", mixinStandardHelpOptions = true,
        header = "Loads the bundled policies (data/policies/) and prints who collects what.",
        description = "Loads the bundled policies (data/policies/) and prints who collects what. Then shows what to try next.")
final class DemoCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @ParentCommand
    Main main;

    @Mixin
    StoreOptions store;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        Path dir = policiesDir();
        List<PolicySource> sources = Inputs.sources(List.of(dir.toString()), null, main.in);
        PrintWriter err = spec.commandLine().getErr();
        // the write path of 'load', with its SHACL check and its diagnostics
        LoadPipeline pipeline = new LoadPipeline(PolicyReader::new, 0, new ShapeCheck(store.base));
        List<String> stored = new ArrayList<>();
        try (PolicyStore db = Stores.open(store)) {
            try {
                pipeline.load(db, sources, new LoadPipeline.Events() {
                    @Override
                    public void read(PolicyReader.Outcome outcome) {
                        if (Reporting.report(outcome, err)) stored.add(outcome.source().id());
                    }

                    @Override
                    public void checked(PolicyReader.Outcome outcome, String report) {
                        err.print(report);
                    }
                });
            } catch (StoreException e) {
                throw UserError.failure(e.getMessage());
            }
            err.flush();
            out.println("Loaded " + stored.size() + " policies from " + dir + " into " + db.dir() + ": " + String.join(", ", stored));
            out.println();
            out.println("Who collects what (actor, action, data item, purposes):");
            out.println();
            QueryRunner.run(db.dataset(), QueryLibrary.find("who-collects-what").orElseThrow(), Map.of(),
                    e -> TextTable.print(e.select(), RdfFormat.prefixes(store.base), out));
            String dbArg = store.db().toString();
            // the hints use the command the user typed: bin/privkg tells us its path
            String privkg = System.getProperty("privkg.launcher", "privkg");
            out.println();
            out.println("Try next:");
            out.println("  " + privkg + " queries                                   # the bundled questions");
            out.println("  " + privkg + " query --db " + dbArg + " third-party-flows");
            out.println("  " + privkg + " query --db " + dbArg + " data-for-purpose --param purpose=会员");
            out.println("  " + privkg + " query --db " + dbArg + " who-collects-what --param policy=finance --format csv");
            out.println("  " + privkg + " export --db " + dbArg + " --format trig -o privkg.trig");
            out.println("  " + privkg + " stats --db " + dbArg);
        }
        out.flush();
        return Main.OK;
    }

    /** The bundled policies: next to the launcher's project (privkg.home), else ./data/policies. */
    static Path policiesDir() {
        String home = System.getProperty("privkg.home");
        for (Path p : new Path[] {home == null ? null : Path.of(home, "data", "policies"), Path.of("data", "policies")}) {
            if (p != null && Files.isDirectory(p)) return p;
        }
        throw UserError.failure("cannot find the bundled policies (data/policies); run privkg through bin/privkg "
                + "or from the project directory");
    }
}
