package org.privkg.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.jena.query.QueryCancelledException;
import org.apache.jena.query.ResultSetFormatter;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.sparql.exec.RowSet;
import org.privkg.query.NamedQuery;
import org.privkg.query.QueryLibrary;
import org.privkg.query.QueryRunner;
import org.privkg.rdf.RdfFormat;
import org.privkg.store.PolicyStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "query", mixinStandardHelpOptions = true,
        header = "Runs a bundled query or a SPARQL file over the dataset.",
        description = "Runs a bundled query (see 'privkg queries') or a SPARQL file over the dataset. The union of all policy graphs and the ontology is the default graph. Parameters are bound as values, never pasted into the query text.")
final class QueryCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @ParentCommand
    Main main;

    @Mixin
    StoreOptions store;

    @Parameters(index = "0", paramLabel = "NAME|FILE.rq", description = "A bundled query's name or a .rq file.")
    String query;

    @Option(names = "--format", paramLabel = "FMT", defaultValue = "table", description = "table, csv, tsv or json (default: ${DEFAULT-VALUE}).")
    String format;

    @Option(names = "--param", paramLabel = "NAME=VALUE", description = "A value for one of the query's parameters; repeatable.")
    Map<String, String> params = new LinkedHashMap<>();

    @Override
    public Integer call() throws IOException {
        NamedQuery q = resolve(query);
        if (!java.util.List.of("table", "csv", "tsv", "json").contains(format)) {
            throw UserError.badInput("unknown format '" + format + "'; use table, csv, tsv or json");
        }
        try (PolicyStore db = Stores.openExisting(store)) {
            QueryRunner.run(db.dataset(), q, params, exec -> output(exec));
        } catch (IllegalArgumentException e) {
            throw UserError.badInput(e.getMessage());
        } catch (QueryCancelledException e) {
            throw UserError.failure("the query ran past its time limit and was stopped");
        }
        return Main.OK;
    }

    private Void output(QueryExec exec) {
        if (!exec.getQuery().isSelectType()) {
            RDFOut.graph(exec, main.out);
            return null;
        }
        RowSet rows = exec.select();
        switch (format) {
            case "csv" -> ResultSetFormatter.outputAsCSV(main.out, org.apache.jena.query.ResultSet.adapt(rows));
            case "tsv" -> ResultSetFormatter.outputAsTSV(main.out, org.apache.jena.query.ResultSet.adapt(rows));
            case "json" -> ResultSetFormatter.outputAsJSON(main.out, org.apache.jena.query.ResultSet.adapt(rows));
            default -> TextTable.print(rows, RdfFormat.prefixes(store.base), spec.commandLine().getOut());
        }
        main.out.flush();
        return null;
    }

    static NamedQuery resolve(String nameOrFile) throws IOException {
        if (nameOrFile.endsWith(".rq") || nameOrFile.contains("/")) {
            Path f = Path.of(nameOrFile);
            if (!Files.isRegularFile(f)) throw UserError.badInput(nameOrFile + ": no such query file");
            return QueryLibrary.fromFile(f);
        }
        return QueryLibrary.find(nameOrFile).orElseThrow(() -> UserError.badInput("no bundled query '" + nameOrFile
                + "'; 'privkg queries' lists them, or give a .rq file"));
    }

    /** CONSTRUCT and DESCRIBE results as Turtle. */
    static final class RDFOut {
        static void graph(QueryExec exec, java.io.OutputStream out) {
            var g = exec.getQuery().isDescribeType() ? exec.describe() : exec.getQuery().isAskType() ? null : exec.construct();
            if (g == null) {
                new java.io.PrintStream(out, true, java.nio.charset.StandardCharsets.UTF_8).println(exec.ask());
                return;
            }
            RdfFormat.TTL.write(g, RdfFormat.prefixes(null), out);
        }
    }
}
