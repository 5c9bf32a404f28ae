package org.privkg.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.privkg.query.NamedQuery;
import org.privkg.query.QueryLibrary;
import org.privkg.query.QueryParam;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "queries", mixinStandardHelpOptions = true, header = "Lists the bundled queries, a line each, with their parameters.",
        description = "Lists the bundled queries, a line each, with their parameters.")
final class QueriesCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        int w = QueryLibrary.bundled().stream().mapToInt(q -> q.name().length()).max().orElse(0);
        for (NamedQuery q : QueryLibrary.bundled()) {
            StringBuilder line = new StringBuilder(String.format("%-" + w + "s  %s", q.name(), q.title()));
            if (!q.params().isEmpty()) {
                line.append("  [");
                for (int i = 0; i < q.params().size(); i++) {
                    QueryParam p = q.params().get(i);
                    line.append(i == 0 ? "" : ", ").append("--param ").append(p.name()).append("=…");
                }
                line.append(']');
            }
            out.println(line);
        }
        out.flush();
        return Main.OK;
    }
}
