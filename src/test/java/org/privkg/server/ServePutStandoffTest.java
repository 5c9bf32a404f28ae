package org.privkg.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.privkg.server.ServeFixture.BASE;
import static org.privkg.server.ServeFixture.PASSWORD;
import static org.privkg.server.ServeFixture.PREFIXES;
import static org.privkg.server.ServeFixture.basic;
import static org.privkg.server.ServeFixture.enc;
import static org.privkg.server.ServeFixture.get;
import static org.privkg.server.ServeFixture.request;
import static org.privkg.server.ServeFixture.send;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.privkg.server.ServeFixture.Running;

/** PUT takes the write path of 'privkg load': standoff bodies, their span diagnostics, and provenance. */
class ServePutStandoffTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static final String DOCCANO = "{\"text\": \"我们会收集您的手机号码。\", \"label\": [[3, 5, \"collect\"], [7, 11, \"数据\"]]}\n";
    static Running server;

    @BeforeAll
    static void start() {
        server = ServeFixture.start(List.of("game"), true, Duration.ofSeconds(30));
    }

    private static HttpResponse<String> put(String pathAndQuery, byte[] body, String contentType) {
        return send(request(server.url("/privkg/policies/" + pathAndQuery)).header("Content-Type", contentType)
                .header("Authorization", basic("admin", PASSWORD)).PUT(HttpRequest.BodyPublishers.ofByteArray(body)).build());
    }

    private static boolean ask(String query) throws Exception {
        HttpResponse<String> r = get(server.url("/privkg/sparql?query=" + enc(query)), "application/sparql-results+json");
        assertEquals(200, r.statusCode(), r.body());
        return JSON.readTree(r.body()).path("boolean").asBoolean();
    }

    @Test
    void aDoccanoLineIsStoredByItsContentType() throws Exception {
        HttpResponse<String> r = put("doc-line", DOCCANO.getBytes(StandardCharsets.UTF_8), "application/jsonl");
        assertEquals(201, r.statusCode(), r.body());
        assertTrue(ask(PREFIXES + "ASK { ?x pk:inPolicy ?p ; pk:data ?d . ?p pk:policyId \"doc-line\" . ?d rdfs:label \"手机号码\"@zh }"));
    }

    @Test
    void aLabelStudioExportOfOneTaskIsStoredWithInputLabelstudio() throws Exception {
        byte[] export = Files.readAllBytes(Path.of("src/test/resources/standoff/xingbao-labelstudio.json"));
        HttpResponse<String> r = put("xingbao?input=labelstudio", export, "text/plain");
        assertEquals(201, r.statusCode(), r.body());
        assertTrue(ask(PREFIXES + "ASK { ?x pk:inPolicy ?p . ?p pk:policyId \"xingbao\" }"));
    }

    @Test
    void aBadSpanIs400NamingTheSpanAndNothingIsStored() throws Exception {
        String bad = "{\"text\": \"我们会收集您的手机号码。\", \"label\": [[3, 5, \"collect\"], [7, 99, \"数据\"]]}\n";
        HttpResponse<String> r = put("bad-span", bad.getBytes(StandardCharsets.UTF_8), "application/jsonl");
        assertEquals(400, r.statusCode(), r.body());
        assertTrue(r.body().contains("bad-span:1:"), r.body());
        assertTrue(r.body().contains("(数据 7–99): it lies outside the text"), r.body());
        assertTrue(r.body().contains("nothing of it was stored"), r.body());
        assertFalse(ask(PREFIXES + "ASK { ?p pk:policyId \"bad-span\" }"));
    }

    @Test
    void bratAndSeveralPoliciesInOneBodyAreRefusedWithWhatToSendInstead() throws Exception {
        HttpResponse<String> brat = put("two-files?input=brat", "我们会收集您的手机号码。".getBytes(StandardCharsets.UTF_8), "text/plain");
        assertEquals(400, brat.statusCode(), brat.body());
        assertTrue(brat.body().contains("brat needs two files (NAME.txt and NAME.ann) and a PUT has one body"), brat.body());
        assertTrue(brat.body().contains("privkg convert"), brat.body());

        HttpResponse<String> lines = put("two-lines", (DOCCANO + DOCCANO).getBytes(StandardCharsets.UTF_8), "application/jsonl");
        assertEquals(400, lines.statusCode(), lines.body());
        assertTrue(lines.body().contains("2 lines"), lines.body());

        HttpResponse<String> unknown = put("x?input=docx", DOCCANO.getBytes(StandardCharsets.UTF_8), "text/plain");
        assertEquals(400, unknown.statusCode(), unknown.body());
        assertFalse(ask(PREFIXES + "ASK { ?p pk:policyId ?id FILTER(?id IN (\"two-files\", \"two-lines\", \"x\")) }"));
    }

    @Test
    void anUploadRecordsItsProvenanceApartFromThePolicyGraph() throws Exception {
        byte[] body = DOCCANO.getBytes(StandardCharsets.UTF_8);
        assertEquals(201, put("prov", body, "application/jsonl").statusCode());
        String sha = HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(body));
        String g = "<" + BASE + "policy/prov>";
        assertTrue(ask(PREFIXES + "PREFIX prov: <http://www.w3.org/ns/prov#> PREFIX dct: <http://purl.org/dc/terms/> ASK { GRAPH <"
                + "https://w3id.org/privkg/provenance> { " + g + " a prov:Entity ; dct:source \"upload\" ; dct:format \"doccano\" ; "
                + "pk:inputSha256 \"" + sha + "\" ; pk:warningCount 0 ; pk:privkgVersion ?v ; prov:generatedAtTime ?t } FILTER(STRLEN(?v) > 0) }"));
        assertFalse(ask("ASK { GRAPH " + g + " { ?s <http://www.w3.org/ns/prov#generatedAtTime> ?t } }"),
                "the load time stays out of the policy's own graph");

        HttpResponse<String> page = get(server.url("/id/policy/prov"), "text/html");
        assertTrue(page.body().contains(sha), "the policy's page shows its provenance: " + page.body());
        HttpResponse<String> voidDescription = get(server.url("/.well-known/void"), "application/n-triples");
        assertEquals(200, voidDescription.statusCode(), voidDescription.body());
        assertTrue(voidDescription.body().contains("<https://w3id.org/privkg/ontology#inputSha256> \"" + sha + "\""), voidDescription.body());

        HttpResponse<String> del = send(request(server.url("/privkg/policies/prov")).header("Authorization", basic("admin", PASSWORD)).DELETE().build());
        assertEquals(200, del.statusCode(), del.body());
        assertFalse(ask("ASK { GRAPH <https://w3id.org/privkg/provenance> { " + g + " ?p ?o } }"), "deleting a policy deletes its provenance");
    }
}
