package org.privkg.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.jena.sparql.engine.binding.Binding;
import org.privkg.query.QueryLibrary;
import org.privkg.query.QueryRunner;
import org.privkg.store.PolicyStore;
import org.privkg.store.StoreSpace;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "stats", mixinStandardHelpOptions = true, header = "Counts policies (marked by hand or by machine), practices, data items, purposes and triples.",
        description = "Counts policies (those marked by hand and those whose marks 'load --annotate' proposed), practices, data items, purposes and triples, counts policies per sector ('load --meta'), says when the stored policies were loaded (first … last) and how many warnings reading them gave, and says how much disk the dataset takes; notes when 'privkg compact' would give much of it back.")
final class StatsCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    StoreOptions store;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        try (PolicyStore db = Stores.openForReading(store)) {
            Binding b = QueryRunner.run(db.dataset(), QueryLibrary.internal("stats"), Map.of(), e -> e.select().next());
            out.println("dataset     " + db.dir());
            for (String v : new String[] {"policies", "practices", "dataItems", "purposes", "triples"}) {
                out.printf("%-11s %s%n", v.equals("dataItems") ? "data items" : v, count(b, v));
                if (v.equals("policies")) {
                    // machine-proposed marks are no one's reading of the policy until reviewed: counted apart
                    long machine = count(b, "machineAnnotated");
                    out.printf("%-11s %d by hand, %d by machine (load --annotate)%n", "  marked", count(b, v) - machine, machine);
                }
            }
            sectors(db, out);
            // from the provenance graph (docs/architecture.md): absent for policies stored before it existed
            if (b.get("lastLoad") != null) {
                out.printf("%-11s %s … %s%n", "loaded", b.get("firstLoad").getLiteralLexicalForm(), b.get("lastLoad").getLiteralLexicalForm());
                out.printf("%-11s %s%n", "warnings", b.get("warnings").getLiteralLexicalForm());
            }
            out.printf("%-11s %s%n", "disk", StoreSpace.megabytes(StoreSpace.of(db).bytesOnDisk()));
            Reporting.compactionHint(out, db);
        }
        out.flush();
        return Main.OK;
    }

    /** Policies per sector ('load --meta'), most first; nothing when no policy has one. */
    private static void sectors(PolicyStore db, PrintWriter out) {
        List<String> parts = new ArrayList<>();
        long[] without = {0};
        QueryRunner.run(db.dataset(), QueryLibrary.internal("stats-sectors"), Map.of(), e -> {
            e.select().forEachRemaining(b -> {
                String sector = b.get("sector").getLiteralLexicalForm();
                if (sector.isEmpty()) without[0] = count(b, "policies");
                else parts.add(sector + " " + count(b, "policies"));
            });
            return null;
        });
        if (parts.isEmpty()) return;
        out.printf("%-11s %s%s%n", "sectors", String.join(", ", parts), without[0] == 0 ? "" : "; " + without[0] + " without one");
    }

    private static long count(Binding b, String var) {
        return b.get(var) == null ? 0 : Long.parseLong(b.get(var).getLiteralLexicalForm());
    }
}
