package org.privkg.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.jena.atlas.web.HttpException;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryCancelledException;
import org.apache.jena.query.ResultSetFormatter;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.sparql.exec.RowSet;
import org.privkg.query.NamedQuery;
import org.privkg.query.QueryLibrary;
import org.privkg.query.QueryRunner;
import org.privkg.query.QueryValues;
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
        header = "Runs a bundled query, a SPARQL file, -e TEXT or standard input over the dataset or a SPARQL endpoint.",
        description = {"Runs a bundled query (see 'privkg queries'), a SPARQL file, the text of -e, or standard input ('-') over the dataset, "
                + "or over a running privkg or Fuseki server with --service. The union of all policy graphs and the ontology is the default graph. "
                + "The prefixes rdf rdfs xsd owl skos dcterms dct prov dpv pd pk pkf, and policy data party place of the default base, are declared already.",
                "--param NAME=VALUE binds a bundled query's parameter to a string, or any ?NAME of your own query to a SPARQL term as written "
                + "(<IRI>, pk:Collect, \"text\"@zh, \"5\"^^xsd:integer, 42, true) or else to a plain string. "
                + "Values are bound, never pasted into the query text. A bundled query's policy must name a stored policy."})
final class QueryCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @ParentCommand
    Main main;

    @Mixin
    StoreOptions store;

    @Parameters(index = "0", arity = "0..1", paramLabel = "NAME|FILE.rq|-",
            description = "A bundled query's name, a .rq file, or - for standard input.")
    String query;

    @Option(names = {"-e", "--sparql"}, paramLabel = "SPARQL", description = "The query's text itself, instead of NAME or FILE.")
    String inline;

    @Option(names = "--service", paramLabel = "URL",
            description = "Run at this SPARQL endpoint (e.g. http://localhost:3030/privkg/sparql, while 'privkg serve' holds the dataset) instead of opening --db.")
    String service;

    @Option(names = "--format", paramLabel = "FMT",
            description = "SELECT and ASK: table (default), csv, tsv or json; CONSTRUCT and DESCRIBE: ttl (default), nt or jsonld.")
    String format;

    @Option(names = "--param", paramLabel = "NAME=VALUE", description = "A value for one of the query's parameters or variables; repeatable, once per NAME.")
    List<String> params = new ArrayList<>();

    @Override
    public Integer call() throws IOException {
        NamedQuery q = source();
        Map<String, String> values = values();
        Query compiled;
        try {
            compiled = QueryRunner.compile(q);
            QueryValues.bind(q, compiled, values);
        } catch (IllegalArgumentException e) {
            throw UserError.badInput(e.getMessage());
        }
        String fmt = Formats.forQuery(format, compiled.isConstructType() || compiled.isDescribeType());
        try {
            if (service != null) {
                QueryRunner.run(service, q, values, exec -> output(exec, fmt));
            } else {
                try (PolicyStore db = Stores.openForReading(store)) {
                    // a declared policy parameter takes an id ("" = all); a typo would answer no rows
                    String policy = values.get("policy");
                    if (q.param("policy") != null && policy != null && !policy.isEmpty()) PolicyIds.requireStored(db, policy);
                    QueryRunner.run(db.dataset(), q, values, exec -> output(exec, fmt));
                }
            }
        } catch (QueryCancelledException e) {
            throw UserError.failure("the query ran past its time limit and was stopped");
        } catch (HttpException e) {
            throw UserError.failure(service + " answered " + (e.getStatusCode() > 0 ? e.getStatusCode() + " " : "")
                    + firstLine(e.getResponse() != null ? e.getResponse() : e.getMessage()) + "; check the URL ends in the dataset's /sparql");
        }
        return Main.OK;
    }

    private NamedQuery source() throws IOException {
        if ((query == null) == (inline == null)) {
            throw UserError.badInput("give one query: a NAME, a FILE.rq, - for standard input, or -e 'SPARQL' ('privkg queries' lists the names)");
        }
        if (inline != null) return NamedQuery.parse("-e", inline);
        if (query.equals("-")) return NamedQuery.parse("stdin", new String(main.in.readAllBytes(), StandardCharsets.UTF_8));
        return resolve(query);
    }

    /** NAME=VALUE pairs; a NAME given twice is a mistake, not "the last one wins". */
    private Map<String, String> values() {
        Map<String, String> values = new LinkedHashMap<>();
        for (String p : params) {
            int eq = p.indexOf('=');
            if (eq <= 0) throw UserError.badInput("--param takes NAME=VALUE, not '" + p + "'");
            String name = p.substring(0, eq).replaceFirst("^[?$]", "");
            if (values.put(name, p.substring(eq + 1)) != null) {
                throw UserError.badInput("--param " + name + " is given twice; give each parameter once");
            }
        }
        return values;
    }

    private Void output(QueryExec exec, String fmt) {
        Query q = exec.getQuery();
        if (q.isConstructType() || q.isDescribeType()) {
            var g = q.isDescribeType() ? exec.describe() : exec.construct();
            switch (fmt) {
                case "nt" -> RDFDataMgr.write(main.out, g, Lang.NTRIPLES);
                case "jsonld" -> RDFDataMgr.write(main.out, g, Lang.JSONLD);
                default -> RdfFormat.TTL.write(g, RdfFormat.prefixes(store.base), main.out);
            }
        } else if (q.isAskType()) {
            boolean answer = exec.ask();
            switch (fmt) {
                case "json" -> ResultSetFormatter.outputAsJSON(main.out, answer);
                case "csv" -> ResultSetFormatter.outputAsCSV(main.out, answer);
                case "tsv" -> ResultSetFormatter.outputAsTSV(main.out, answer);
                default -> spec.commandLine().getOut().println(answer);
            }
        } else {
            RowSet rows = exec.select();
            switch (fmt) {
                case "csv" -> ResultSetFormatter.outputAsCSV(main.out, org.apache.jena.query.ResultSet.adapt(rows));
                case "tsv" -> ResultSetFormatter.outputAsTSV(main.out, org.apache.jena.query.ResultSet.adapt(rows));
                case "json" -> ResultSetFormatter.outputAsJSON(main.out, org.apache.jena.query.ResultSet.adapt(rows));
                default -> TextTable.print(rows, RdfFormat.prefixes(store.base), spec.commandLine().getOut());
            }
        }
        spec.commandLine().getOut().flush();
        main.out.flush();
        return null;
    }

    static NamedQuery resolve(String nameOrFile) throws IOException {
        if (nameOrFile.endsWith(".rq") || nameOrFile.contains("/")) {
            Path f = Path.of(nameOrFile);
            if (!Files.isRegularFile(f)) throw UserError.badInput(nameOrFile + ": no such query file");
            return QueryLibrary.fromFile(f);
        }
        return QueryLibrary.find(nameOrFile).orElseThrow(() -> UserError.badInput("no bundled query '" + nameOrFile + "'"
                + Nearest.hint(nameOrFile, QueryLibrary.bundled().stream().map(NamedQuery::name).toList())
                + " ('privkg queries' lists them, or give a .rq file)"));
    }

    private static String firstLine(String s) {
        return s == null ? "" : s.strip().lines().findFirst().orElse("");
    }
}
