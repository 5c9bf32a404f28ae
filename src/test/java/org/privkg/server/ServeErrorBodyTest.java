package org.privkg.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.privkg.server.ServeFixture.contentType;
import static org.privkg.server.ServeFixture.get;
import static org.privkg.server.ServeFixture.request;
import static org.privkg.server.ServeFixture.send;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.privkg.server.ServeFixture.Running;

/**
 * Every error has one body format: plain text by default, {"status":N,"message":"..."} when the client
 * prefers JSON; Jetty's own errors (an unknown path) and privkg's (a missing policy, a refused write) alike.
 */
class ServeErrorBodyTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode json(HttpResponse<String> r) throws Exception {
        assertTrue(contentType(r).startsWith("application/json"), contentType(r) + ": " + r.body());
        return JSON.readTree(r.body());
    }

    /** GET path with no Accept, which must answer status as plain text; its body. */
    private static String textError(Running s, String path, int status) {
        HttpResponse<String> r = get(s.url(path), null);
        assertEquals(status, r.statusCode(), r.body());
        assertTrue(contentType(r).startsWith("text/plain"), contentType(r));
        return r.body();
    }

    @Test
    void jettysNotFoundForAnUnknownPathIsPlainTextByDefault() {
        HttpResponse<String> r = get(ServeFixture.shared().url("/no/such/page"), null);
        assertEquals(404, r.statusCode());
        assertTrue(contentType(r).startsWith("text/plain"), contentType(r));
        assertTrue(r.body().startsWith("404 Not Found"), r.body());
        assertTrue(!r.body().contains("<html") && !r.body().contains("Powered by"), r.body());
    }

    @Test
    void jettysNotFoundIsJsonWhenJsonIsPreferred() throws Exception {
        HttpResponse<String> r = get(ServeFixture.shared().url("/no/such/page"), "application/json, text/plain;q=0.5");
        assertEquals(404, r.statusCode());
        JsonNode body = json(r);
        assertEquals(404, body.get("status").asInt());
        assertTrue(body.get("message").isTextual() && !body.get("message").asText().isEmpty(), r.body());
    }

    @Test
    void privkgsOwnNotFoundSaysWhatToDoInTextAndInJson() throws Exception {
        Running s = ServeFixture.shared();
        String text = textError(s, "/privkg/policies/nosuchpolicy", 404);
        assertTrue(text.startsWith("404 Not Found: no policy 'nosuchpolicy'"), text);

        HttpResponse<String> json = get(s.url("/privkg/policies/nosuchpolicy"), "application/json, */*;q=0.1");
        assertEquals(404, json.statusCode());
        JsonNode body = json(json);
        assertEquals(404, body.get("status").asInt());
        assertTrue(body.get("message").asText().startsWith("no policy 'nosuchpolicy'"), json.body());
        assertTrue(body.get("message").asText().contains("/privkg/policies lists them"), json.body());
    }

    @Test
    void aRefusedWriteKeepsItsStatusAndHeadersInEitherForm() throws Exception {
        Running s = ServeFixture.shared();
        HttpRequest.Builder put = request(s.url("/privkg/policies/refused")).header("Content-Type", "text/plain")
                .PUT(HttpRequest.BodyPublishers.ofString(ServeUpdateTest.POLICY));
        HttpResponse<String> text = send(put.build());
        assertEquals(401, text.statusCode());
        assertTrue(text.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Basic"), text.headers().toString());
        assertTrue(text.body().startsWith("401 Unauthorized: changing the dataset needs HTTP Basic authentication"), text.body());

        HttpResponse<String> json = send(put.header("Accept", "application/json").build());
        assertEquals(401, json.statusCode());
        assertTrue(json.headers().firstValue("WWW-Authenticate").isPresent());
        assertEquals(401, json(json).get("status").asInt());
        assertTrue(json(json).get("message").asText().startsWith("changing the dataset needs"), json.body());

        HttpResponse<String> readOnly = send(request(ServeFixture.readOnly().url("/privkg/update"))
                .header("Accept", "application/json").header("Content-Type", "application/sparql-update")
                .POST(HttpRequest.BodyPublishers.ofString("INSERT DATA { <urn:x> <urn:p> 1 }")).build());
        assertEquals(405, readOnly.statusCode());
        assertTrue(readOnly.headers().firstValue("Allow").isPresent(), readOnly.headers().toString());
        assertTrue(json(readOnly).get("message").asText().contains("--allow-update"), readOnly.body());
    }

    @Test
    void aTooLargeQueryFromTheSizeFilterIsJsonWhenAskedFor() throws Exception {
        Running s = ServeFixture.readOnly();
        String big = "ASK { ?s ?p \"" + "x".repeat((int) PrivkgServer.DEFAULT_MAX_QUERY_SIZE + 10) + "\" }";
        HttpResponse<String> r = send(request(s.url("/privkg/sparql")).header("Accept", "application/json")
                .header("Content-Type", "application/sparql-query").POST(HttpRequest.BodyPublishers.ofString(big)).build());
        assertEquals(413, r.statusCode());
        assertEquals(413, json(r).get("status").asInt());
    }

    @Test
    void fusekisOwnSyntaxErrorHasTheSameBodyInTextAndInJson() throws Exception {
        Running s = ServeFixture.shared();
        String text = textError(s, "/privkg/sparql?query=SELEC", 400);
        assertTrue(text.startsWith("400 Bad Request: "), text);
        assertTrue(text.contains("line 1"), "Fuseki's words say where: " + text);

        HttpResponse<String> json = get(s.url("/privkg/sparql?query=SELEC"), "application/json");
        assertEquals(400, json.statusCode());
        JsonNode body = json(json);
        assertEquals(400, body.get("status").asInt());
        assertTrue(body.get("message").asText().contains("line 1"), json.body());
        assertEquals(2, body.size(), "the fields privkg's own errors have: " + json.body());
    }

    @Test
    void fusekisGraphStoreNotFoundIsJsonWhenAskedFor() throws Exception {
        HttpResponse<String> r = get(ServeFixture.shared().url("/privkg/get?graph=urn:no-such-graph"), "application/json");
        assertEquals(404, r.statusCode(), r.body());
        assertEquals(404, json(r).get("status").asInt());
    }
}
