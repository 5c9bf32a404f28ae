package org.privkg.bench;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.apache.jena.atlas.iterator.Iter;
import org.apache.jena.query.ARQ;
import org.apache.jena.query.QueryCancelledException;
import org.apache.jena.query.ResultSet;
import org.apache.jena.riot.ResultSetMgr;
import org.apache.jena.riot.resultset.ResultSetLang;
import org.apache.jena.sparql.engine.binding.BindingLib;
import org.apache.jena.sparql.resultset.ResultSetException;
import org.apache.jena.sparql.syntax.syntaxtransform.QueryTransformOps;
import org.privkg.check.Check;
import org.privkg.query.NamedQuery;
import org.privkg.query.QueryLibrary;
import org.privkg.query.QueryRunner;
import org.privkg.store.PolicyStore;

/**
 * Latency of every bundled query and every check ({@code check/NAME}): p50 and p95 over repeated runs, results read to the end.
 * <p>
 * Cases per query. <b>one-policy</b>: what a researcher asks interactively, restricted to one
 * policy (a different, seeded-random policy each run) when the query takes a {@code policy}
 * parameter. <b>one-data-item</b>, for a query that takes a {@code data} parameter instead: a data
 * item a seeded-random policy states, a different one each run (drawn, untimed, with
 * {@code internal/policy-data-items.rq}); and <b>common-data-item</b>: {@code data=手机号码}, which
 * nearly every policy states, so its answer lists most of the corpus. <b>corpus</b>: every
 * parameter at its default, i.e. the whole dataset; the result then grows with the corpus, so this
 * case is reported but is not what a latency target can hold.
 * <p>
 * In-process ({@code --db DIR}): the query runs through {@link QueryRunner} in this JVM, as
 * {@code privkg query} runs it. Over HTTP ({@code --db DIR --url URL}): the same query, with its
 * parameters substituted as values by Jena, is POSTed as {@code query=} to a SPARQL endpoint such
 * as {@code privkg serve}'s {@code /privkg/sparql}; {@code --db} then only supplies policy ids and
 * must not be locked by the server (use a copy, or let the script list ids first).
 * <p>
 * Usage: {@code QueryBench --db DIR [--url URL] [--runs N] [--corpus-runs N] [--warmup N]
 * [--budget SECONDS] [--timeout SECONDS] [--ids FILE] [--only NAME,...] [--cases one-policy,corpus]}.
 * Prints one {@code key=value} line per query and case; a query stopped by the time limit (default
 * 120 s) or out of heap prints {@code status=timeout} or {@code status=out-of-memory}.
 */
public final class QueryBench {
    /** Draws the data items of the one-data-item case. */
    private static final NamedQuery POLICY_DATA_ITEMS = QueryLibrary.internal("policy-data-items");

    private QueryBench() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> o = options(args);
        int runs = Integer.parseInt(o.getOrDefault("runs", "30"));
        int corpusRuns = Integer.parseInt(o.getOrDefault("corpus-runs", "3"));
        int warmup = Integer.parseInt(o.getOrDefault("warmup", "3"));
        double budget = Double.parseDouble(o.getOrDefault("budget", "60"));
        long timeout = Long.parseLong(o.getOrDefault("timeout", "120"));
        List<String> only = o.containsKey("only") ? List.of(o.get("only").split(",")) : null;
        List<String> cases = List.of(o.getOrDefault("cases", "one-policy,corpus").split(","));
        String url = o.get("url");
        List<String> ids;
        if (o.containsKey("ids")) {
            ids = java.nio.file.Files.readAllLines(Path.of(o.get("ids")), StandardCharsets.UTF_8).stream()
                    .filter(s -> !s.isBlank()).toList();
        } else {
            try (PolicyStore s = PolicyStore.openExisting(Path.of(o.get("db")), null)) {
                ids = s.policyIds();
            }
        }
        if (ids.isEmpty()) throw new IllegalStateException("no policies in the dataset");
        System.out.printf(Locale.ROOT, "mode=%s policies=%d%n", url == null ? "in-process" : "http", ids.size());

        Runner runner = url == null ? new InProcess(Path.of(o.get("db")), timeout) : new Http(url, timeout);
        try {
            // the checks of 'privkg check' too, each a query of its own, named check/NAME
            List<NamedQuery> all = new ArrayList<>(QueryLibrary.bundled());
            for (Check c : Check.bundled()) {
                NamedQuery q = c.query();
                all.add(new NamedQuery("check/" + q.name(), q.title(), q.description(), q.params(), q.text()));
            }
            for (NamedQuery q : all) {
                if (only != null && !only.contains(q.name())) continue;
                boolean byPolicy = q.param("policy") != null;
                boolean byData = !byPolicy && q.param("data") != null;
                if (byPolicy && cases.contains("one-policy")) {
                    Random rnd = new Random(1);
                    measure(runner, q, "one-policy", runs, warmup, budget, () -> Map.of("policy", ids.get(rnd.nextInt(ids.size()))));
                }
                if (byData && cases.contains("one-policy")) {
                    Random rnd = new Random(1);
                    measure(runner, q, "one-data-item", runs, warmup, budget, () -> Map.of("data", dataItem(runner, ids, rnd)));
                    measure(runner, q, "common-data-item", runs, warmup, budget, () -> Map.of("data", "手机号码"));
                }
                if (cases.contains("corpus")) measure(runner, q, "corpus", corpusRuns, 0, budget, Map::of);
            }
        } finally {
            runner.close();
        }
    }

    /** The label of a data item that a random policy states. */
    private static String dataItem(Runner runner, List<String> ids, Random rnd) throws Exception {
        for (int tries = 0; tries < 100; tries++) {
            List<String> labels = runner.column(POLICY_DATA_ITEMS, Map.of("policy", ids.get(rnd.nextInt(ids.size()))), "label");
            if (!labels.isEmpty()) return labels.get(rnd.nextInt(labels.size()));
        }
        throw new IllegalStateException("no data items in 100 policies drawn at random");
    }

    interface Runner extends AutoCloseable {
        /** Runs the query to the end; returns the number of result rows. */
        long run(NamedQuery q, Map<String, String> params) throws Exception;

        /** Runs a SELECT query; returns the lexical forms of one of its variables, row by row. */
        List<String> column(NamedQuery q, Map<String, String> params, String var) throws Exception;

        @Override
        void close();
    }

    private static void measure(Runner r, NamedQuery q, String kind, int runs, int warmup, double budget,
                                Params params) throws Exception {
        List<Double> ms = new ArrayList<>();
        long rows = 0;
        try {
            for (int i = 0; i < warmup; i++) r.run(q, params.get());
            long start = System.nanoTime();
            for (int i = 0; i < runs; i++) {
                Map<String, String> p = params.get();
                long t0 = System.nanoTime();
                rows = r.run(q, p);
                ms.add((System.nanoTime() - t0) / 1e6);
                if ((System.nanoTime() - start) / 1e9 > budget) break;
            }
        } catch (QueryCancelledException | OutOfMemoryError | IOException e) {
            // a query that cannot finish is a result too: say how it ended
            System.out.printf(Locale.ROOT, "query=%s case=%s runs=%d status=%s%n", q.name(), kind, ms.size(),
                    e instanceof QueryCancelledException ? "timeout" : e instanceof OutOfMemoryError ? "out-of-memory"
                    : "error:" + e.getMessage().replaceAll("\\s+", " "));
            System.out.flush();
            return;
        }
        double[] sorted = ms.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        System.out.printf(Locale.ROOT, "query=%s case=%s runs=%d p50_ms=%.1f p95_ms=%.1f max_ms=%.1f rows=%d%n",
                q.name(), kind, sorted.length, percentile(sorted, 50), percentile(sorted, 95),
                sorted[sorted.length - 1], rows);
        System.out.flush();
    }

    /** A run's parameters (drawing them may itself ask the store). */
    interface Params {
        Map<String, String> get() throws Exception;
    }

    /** Nearest-rank percentile. */
    static double percentile(double[] sorted, double p) {
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    private static final class InProcess implements Runner {
        private final PolicyStore store;

        InProcess(Path db, long timeoutSeconds) {
            this.store = PolicyStore.openExisting(db, null);
            // ARQ reads the time limit from the dataset's context: QueryRunner runs as 'privkg query' does
            store.dataset().getContext().set(ARQ.queryTimeout, timeoutSeconds * 1000);
        }

        @Override
        public long run(NamedQuery q, Map<String, String> params) {
            return QueryRunner.run(store.dataset(), q, params, exec -> exec.getQuery().isSelectType()
                    ? Iter.count(exec.select()) : exec.construct().size());
        }

        @Override
        public List<String> column(NamedQuery q, Map<String, String> params, String var) {
            return QueryRunner.run(store.dataset(), q, params, exec -> values(ResultSet.adapt(exec.select()), var));
        }

        @Override
        public void close() {
            store.close();
        }
    }

    private static final class Http implements Runner {
        private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        private final URI endpoint;
        private final long timeout;

        Http(String url, long timeoutSeconds) {
            this.endpoint = URI.create(url);
            this.timeout = timeoutSeconds;
        }

        @Override
        public long run(NamedQuery q, Map<String, String> params) throws IOException, InterruptedException {
            return read(post(q, params), Iter::count);
        }

        @Override
        public List<String> column(NamedQuery q, Map<String, String> params, String var) throws IOException, InterruptedException {
            return read(post(q, params), rows -> values(rows, var));
        }

        /** Reads JSON results to the end with {@code use}. */
        private static <T> T read(byte[] body, java.util.function.Function<ResultSet, T> use) throws IOException {
            try {
                return use.apply(ResultSetMgr.read(new ByteArrayInputStream(body), ResultSetLang.RS_JSON));
            } catch (ResultSetException e) {
                // the server's time limit also stops a query that has begun to answer: the 200 answer ends mid-way
                throw new IOException("answer cut off after " + body.length + " bytes (the server's time limit?)", e);
            }
        }

        /** The query's JSON results. */
        private byte[] post(NamedQuery q, Map<String, String> params) throws IOException, InterruptedException {
            // the parameters substituted as values, as the server would bind them
            String text = QueryTransformOps.syntaxSubstitute(QueryRunner.compile(q),
                    BindingLib.bindingToMap(QueryRunner.bind(q, params))).serialize();
            HttpRequest req = HttpRequest.newBuilder(endpoint).timeout(Duration.ofSeconds(timeout))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .header("Accept", "application/sparql-results+json")
                    .POST(HttpRequest.BodyPublishers.ofString("query=" + URLEncoder.encode(text, StandardCharsets.UTF_8)))
                    .build();
            HttpResponse<byte[]> res;
            try {
                res = client.send(req, HttpResponse.BodyHandlers.ofByteArray());
            } catch (java.net.http.HttpTimeoutException e) {
                throw new QueryCancelledException();
            }
            if (res.statusCode() != 200) {
                String body = new String(res.body(), StandardCharsets.UTF_8);
                throw new IOException(q.name() + ": HTTP " + res.statusCode() + ": " + body.substring(0, Math.min(300, body.length())));
            }
            return res.body();
        }

        @Override
        public void close() {
        }
    }

    private static List<String> values(ResultSet rows, String var) {
        List<String> out = new ArrayList<>();
        rows.forEachRemaining(row -> out.add(row.get(var).asNode().getLiteralLexicalForm()));
        return out;
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> o = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                throw new IllegalArgumentException("usage: QueryBench --db DIR [--url URL] [--runs N] ... (got "
                        + Arrays.toString(args) + ")");
            }
            o.put(args[i].substring(2), args[++i]);
        }
        if (!o.containsKey("db") && !o.containsKey("ids")) throw new IllegalArgumentException("--db DIR is required");
        return o;
    }
}
