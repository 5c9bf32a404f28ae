package org.privkg.query.guard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.QueryCancelledException;
import org.apache.jena.query.QueryDeniedException;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.sparql.exec.RowSet;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.DatabaseMgr;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Queries that Jena alone would not stop at their time limit are stopped on a guarded dataset. */
class QueryGuardTest {
    /** Forty a's and a b: the pattern below backtracks through every way of splitting them, for hours. */
    static final String CATASTROPHIC_REGEX = "SELECT * { BIND (CONCAT(\"" + "a".repeat(40) + "\", \"b\") AS ?s) "
            + "FILTER (REGEX(?s, \"(.*a){12}$\")) }";
    /** A chain of 3,000 nodes, walked both ways from every node: 9M steps of closure per row. */
    static final String PATH_CLOSURE = "SELECT (COUNT(*) AS ?n) { GRAPH ?g { ?s (<urn:p>|^<urn:p>)* ?o } }";

    @TempDir
    static Path dir;
    static DatasetGraph dsg;

    @BeforeAll
    static void open() {
        dsg = DatabaseMgr.connectDatasetGraph(dir.toString());
        Txn.executeWrite(dsg, () -> {
            Node g = NodeFactory.createURI("urn:g");
            Node p = NodeFactory.createURI("urn:p");
            for (int i = 0; i < 3000; i++) {
                dsg.add(g, NodeFactory.createURI("urn:n" + i), p, NodeFactory.createURI("urn:n" + (i + 1)));
            }
        });
        QueryGuard.install(dsg);
        QueryGuard.restrictService(dsg, List.of());
    }

    @AfterAll
    static void close() {
        org.apache.jena.tdb2.sys.TDBInternal.expel(dsg);
    }

    private static List<String> select(String query, long timeoutMillis) {
        return Txn.calculateRead(dsg, () -> {
            var builder = QueryExec.dataset(dsg).query(query);
            if (timeoutMillis > 0) builder.timeout(timeoutMillis, TimeUnit.MILLISECONDS);
            try (QueryExec qe = builder.build()) {
                RowSet rows = qe.select();
                List<String> out = new ArrayList<>();
                rows.forEachRemaining(b -> out.add(b.toString()));
                return out;
            }
        });
    }

    @Test
    void aRegexThatBacktracksForeverIsStoppedAtTheLimit() {
        assertTimeoutPreemptively(Duration.ofSeconds(20),
                () -> assertThrows(QueryCancelledException.class, () -> select(CATASTROPHIC_REGEX, 500)));
    }

    @Test
    void aRegexInReplaceIsStoppedToo() {
        String q = "SELECT ?r { BIND (REPLACE(CONCAT(\"" + "a".repeat(40) + "\", \"b\"), \"(.*a){12}$\", \"x\") AS ?r) }";
        assertTimeoutPreemptively(Duration.ofSeconds(20), () -> assertThrows(QueryCancelledException.class, () -> select(q, 500)));
    }

    /** Jena loads the same regex classes by other names; those are guarded too, and strSplit is refused. */
    @Test
    void otherNamesOfTheRegexFunctionsAreGuardedToo() {
        String text = "CONCAT(\"" + "a".repeat(40) + "\", \"b\")";
        for (String fn : List.of("<java:org.apache.jena.sparql.function.library.FN_Matches>",
                "<http://jena.apache.org/ARQ/function#FN_Matches>")) {
            String q = "SELECT * { BIND (" + text + " AS ?s) FILTER (" + fn + "(?s, \"(.*a){12}$\")) }";
            assertTimeoutPreemptively(Duration.ofSeconds(20), () -> assertThrows(QueryCancelledException.class, () -> select(q, 500)), fn);
        }
        String split = "PREFIX apf: <http://jena.apache.org/ARQ/property#> SELECT * { ?x apf:strSplit (\"a,b\" \",\") }";
        assertThrows(QueryDeniedException.class, () -> select(split, 500));
    }

    @Test
    void aPathClosureIsStoppedAtTheLimit() {
        assertTimeoutPreemptively(Duration.ofSeconds(20),
                () -> assertThrows(QueryCancelledException.class, () -> select(PATH_CLOSURE, 500)));
    }

    @Test
    void regexAndReplaceAnswerAsJenaDoes() {
        String q = "SELECT ?m ?i ?r ?e ?f { BIND (REGEX(\"手机号码\", \"号码$\") AS ?m) BIND (REGEX(\"ABC\", \"b\", \"i\") AS ?i) "
                + "BIND (REPLACE(\"aXbXc\"@zh, \"X\", \"-\") AS ?r) BIND (REPLACE(\"abc\", \"x*\", \"-\") AS ?e) "
                + "BIND (<http://www.w3.org/2005/xpath-functions#matches>(\"IMEI\", \"^im\", \"i\") AS ?f) }";
        List<String> guarded = select(q, 0);
        DatasetGraph plain = org.apache.jena.sparql.core.DatasetGraphFactory.create();
        List<String> jena = new ArrayList<>();
        try (QueryExec qe = QueryExec.dataset(plain).query(q).build()) {
            qe.select().forEachRemaining(b -> jena.add(b.toString()));
        }
        assertEquals(jena, guarded);
        assertTrue(guarded.get(0).contains("?r = \"a-b-c\"@zh"), guarded.toString());
    }

    @Test
    void pathsAnswerAsBefore() {
        assertEquals(List.of("( ?n = 3001 )"), select("SELECT (COUNT(*) AS ?n) { GRAPH ?g { <urn:n0> <urn:p>* ?o } }", 0));
    }

    @Test
    void serviceIsRefusedUnlessAllowed() {
        assertThrows(QueryDeniedException.class, () -> select("SELECT * { SERVICE <http://127.0.0.1:9/sparql> { ?s ?p ?o } }", 5000));
    }
}
