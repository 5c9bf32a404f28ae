package org.privkg.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.privkg.server.ServeFixture.PASSWORD;
import static org.privkg.server.ServeFixture.basic;
import static org.privkg.server.ServeFixture.enc;
import static org.privkg.server.ServeFixture.request;
import static org.privkg.server.ServeFixture.send;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.sparql.exec.RowSet;
import org.apache.jena.system.Txn;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.privkg.fixture.Fixtures;
import org.privkg.fixture.Loads;
import org.privkg.pipeline.PolicySource;
import org.privkg.store.PolicyStore;

/**
 * The triples privkg derives when it writes a policy (pk:covers, pk:actionCategory; the DPV concepts a policy
 * uses and its practices' concept pairs) stay exact when
 * policies are replaced and deleted: a store that went through PUT, reload and DELETE holds the same
 * derived triples as one built in one go from the final policies, and both equal what the property
 * paths they stand for give over the stored graphs.
 */
class DerivedTriplesExactTest {
    static final String TRIP = """
            示例出行隐私政策
            为{提供叫车服务}，我们会[收集]您的<位置信息>（包括<精确位置>和<行程轨迹>）和<手机号码>，并与(合作商户)[共享]<订单信息>。
            """;
    /** The same policy after an edit: the hierarchy changes, and a practice on a parent item no longer covers the old parts. */
    static final String TRIP_EDITED = """
            示例出行隐私政策
            为{提供叫车服务}，我们会[收集]您的<位置信息>（包括<粗略位置>）和<订单信息>（包括<行程轨迹>），并与(合作商户)[共享]<订单信息>。
            """;
    static final String DERIVED = """
            PREFIX pk: <https://w3id.org/privkg/ontology#>
            SELECT ?g ?s ?p ?o WHERE {
              VALUES ?p { pk:covers pk:actionCategory pk:usesDataConcept pk:usesPurposeConcept pk:conceptPair
                          pk:pairDataConcept pk:pairPurposeConcept }
              GRAPH ?g { ?s ?p ?o }
            }
            """;
    /** What the derived triples stand for, worked out by property paths over each policy graph and the ontology. */
    static final String BY_PATHS = """
            PREFIX pk: <https://w3id.org/privkg/ontology#>
            PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
            SELECT DISTINCT ?g ?s ?p ?o WHERE {
              { GRAPH ?g { ?s a pk:DataPractice ; pk:data ?stated . ?o skos:broader* ?stated } BIND (pk:covers AS ?p) }
              UNION
              { GRAPH ?g { ?s a pk:DataPractice ; pk:action ?act }
                GRAPH <https://w3id.org/privkg/ontology> { ?act skos:broader* ?o }
                BIND (pk:actionCategory AS ?p) }
            }
            """;
    /** What the derived concept triples stand for, worked out by joins in each policy graph. */
    static final String BY_JOINS = """
            PREFIX pk: <https://w3id.org/privkg/ontology#>
            SELECT DISTINCT ?g ?s ?p ?o WHERE {
              { GRAPH ?g { ?g a pk:Policy . ?item a pk:DataType ; pk:dpvConcept ?o } BIND (?g AS ?s) BIND (pk:usesDataConcept AS ?p) }
              UNION
              { GRAPH ?g { ?g a pk:Policy . ?purpose a pk:Purpose ; pk:dpvConcept ?o } BIND (?g AS ?s) BIND (pk:usesPurposeConcept AS ?p) }
              UNION
              { GRAPH ?g { ?x pk:data ?d ; pk:purpose ?u ; pk:negated false . ?d pk:dpvConcept ?dc . ?u pk:dpvConcept ?pc }
                BIND (IRI(CONCAT("https://w3id.org/privkg/id/concept-pair/", ENCODE_FOR_URI(STR(?dc)), "/", ENCODE_FOR_URI(STR(?pc)))) AS ?pair)
                VALUES ?p { pk:conceptPair pk:pairDataConcept pk:pairPurposeConcept }
                BIND (IF(?p = pk:conceptPair, ?x, ?pair) AS ?s)
                BIND (IF(?p = pk:conceptPair, ?pair, IF(?p = pk:pairDataConcept, ?dc, ?pc)) AS ?o) }
            }
            """;

    @TempDir
    Path tmp;

    @Test
    void replacingAndDeletingPoliciesLeavesTheDerivedTriplesOfAStoreBuiltInOneGo() throws Exception {
        ServeFixture.Running server = ServeFixture.start(List.of("game", "health"), true, Duration.ofSeconds(60));
        assertEquals(201, put(server, "trip", TRIP).statusCode());
        assertEquals(201, put(server, "gone", TRIP).statusCode());
        assertEquals(200, put(server, "trip", TRIP_EDITED).statusCode(), "PUT replaces the graph");
        Loads.put(server.store(), List.of(source("health", Files.readString(Fixtures.policy("health")))));
        HttpResponse<String> del = send(request(server.url("/privkg/policies/gone"))
                .header("Authorization", basic("admin", PASSWORD)).DELETE().build());
        assertEquals(200, del.statusCode(), del.body());

        Set<String> changed = rows(server.store().dataset(), DERIVED);
        try (PolicyStore fresh = PolicyStore.open(tmp.resolve("fresh"), null)) {
            List<PolicySource> all = new ArrayList<>();
            for (String name : List.of("game", "health")) all.add(source(name, Files.readString(Fixtures.policy(name))));
            all.add(source("trip", TRIP_EDITED));
            Loads.load(fresh, all);
            assertEquals(rows(fresh.dataset(), DERIVED), changed);
        }
        Set<String> byJoins = rows(server.store().dataset(), BY_JOINS);
        assertTrue(byJoins.stream().anyMatch(r -> r.contains("conceptPair")), "the fixture has practices with concept pairs");
        Set<String> expected = new TreeSet<>(rows(server.store().dataset(), BY_PATHS));
        expected.addAll(byJoins);
        assertEquals(expected, changed, "the derived triples are what the paths and joins give");
        assertFalse(changed.stream().anyMatch(r -> r.contains("policy/gone")), "nothing of the deleted policy is left");
        assertFalse(changed.stream().anyMatch(r -> r.contains("policy/trip") && r.contains("精确位置")),
                "the replaced version's hierarchy is gone with it");
    }

    private static HttpResponse<String> put(ServeFixture.Running server, String id, String text) {
        return send(request(server.url("/privkg/policies/" + enc(id))).header("Content-Type", "text/plain; charset=utf-8")
                .header("Authorization", basic("admin", PASSWORD))
                .PUT(HttpRequest.BodyPublishers.ofString(text, StandardCharsets.UTF_8)).build());
    }

    private PolicySource source(String id, String text) throws IOException {
        Path file = tmp.resolve(id + ".txt");
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return PolicySource.of(file, null);
    }

    private static Set<String> rows(DatasetGraph dsg, String query) {
        return Txn.calculateRead(dsg, () -> {
            Set<String> out = new TreeSet<>();
            try (QueryExec exec = QueryExec.dataset(dsg).query(query).build()) {
                RowSet rs = exec.select();
                rs.forEachRemaining(b -> out.add(b.get("g") + " " + b.get("s") + " " + b.get("p") + " " + b.get("o")));
            }
            return out;
        });
    }
}
