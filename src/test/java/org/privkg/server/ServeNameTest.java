package org.privkg.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.privkg.server.ServeFixture.PASSWORD;
import static org.privkg.server.ServeFixture.basic;
import static org.privkg.server.ServeFixture.enc;
import static org.privkg.server.ServeFixture.get;
import static org.privkg.server.ServeFixture.request;
import static org.privkg.server.ServeFixture.send;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.privkg.cli.CliRunner;
import org.privkg.server.ServeFixture.Running;
import org.privkg.store.PolicyStore;

/** serve --name: the dataset's path is /NAME, and everything that names a URL under it follows. */
class ServeNameTest {

    private static Running named(String name, boolean allowUpdate) throws IOException {
        Path dir = Files.createTempDirectory("privkg-serve-name");
        PolicyStore store = ServeFixture.load(dir, List.of("game"));
        PrivkgServer.Builder b = PrivkgServer.builder(store).host("127.0.0.1").port(0).name(name);
        if (allowUpdate) b.allowUpdate(PASSWORD);
        return ServeFixture.track(new Running(b.build().start(), store, dir));
    }

    private static HttpResponse<String> post(Running s, String path, String auth) {
        HttpRequest.Builder b = request(s.url(path)).header("Content-Type", "application/sparql-update")
                .POST(HttpRequest.BodyPublishers.ofString("INSERT DATA { <urn:named> <urn:p> 1 }"));
        if (auth != null) b.header("Authorization", auth);
        return send(b.build());
    }

    private static HttpResponse<String> put(Running s, String path) {
        return send(request(s.url(path)).header("Content-Type", "text/plain")
                .PUT(HttpRequest.BodyPublishers.ofString(ServeUpdateTest.POLICY)).build());
    }

    @Test
    void anUpdateServerNamedCorpusAnswersUnderCorpusAndGuardsItsWrites() throws IOException {
        Running s = named("corpus", true);
        String ask = "?query=" + enc("ASK { ?s ?p ?o }");
        HttpResponse<String> sparql = get(s.url("/corpus/sparql" + ask), "text/csv");
        assertEquals(200, sparql.statusCode(), sparql.body());
        assertTrue(sparql.body().contains("true"), sparql.body());
        assertEquals(404, get(s.url("/privkg/sparql" + ask), "text/csv").statusCode());

        assertEquals(401, post(s, "/corpus/update", null).statusCode());
        assertEquals(401, put(s, "/corpus/policies/named").statusCode());
        HttpResponse<String> ok = post(s, "/corpus/update", basic("admin", PASSWORD));
        assertEquals(204, ok.statusCode(), ok.body());

        String voidTurtle = get(s.url(Site.VOID), "text/turtle").body();
        assertTrue(voidTurtle.contains(s.server().url() + "/corpus/sparql"), voidTurtle);
        assertFalse(voidTurtle.contains("/privkg/sparql"), voidTurtle);
        String home = get(s.url("/"), "text/html").body();
        assertTrue(home.contains("href=\"/corpus/queries\"") && !home.contains("href=\"/privkg"), home);
        String queries = get(s.url("/corpus/queries"), "application/json").body();
        assertTrue(queries.contains("/corpus/queries/policies") && !queries.contains("/privkg/queries"), queries);
        assertTrue(get(s.url("/$/datasets"), "application/json").body().contains("\"/corpus\""));
        assertTrue(String.join("\n", s.server().banner()).contains("/corpus/update"));
    }

    @Test
    void aReadOnlyServerNamedCorpusHasNoWritesUnderCorpus() throws IOException {
        Running s = named("corpus", false);
        assertEquals(405, post(s, "/corpus/update", basic("admin", PASSWORD)).statusCode());
        assertEquals(405, put(s, "/corpus/policies/named").statusCode());
        HttpResponse<String> policies = get(s.url("/corpus/policies"), "application/json");
        assertTrue(policies.body().contains("/corpus/policies/game"), policies.body());
    }

    @Test
    void aNameThatIsNotOnePlainPathSegmentIsRefused() {
        Path dir = Path.of("target", "never-opened");
        for (String bad : new String[] {"", "a/b", "corpus?x", "数据", ".."}) {
            ServerException e = assertThrows(ServerException.class,
                    () -> PrivkgServer.builder(null).name(bad).build(), bad);
            assertTrue(e.getMessage().contains("letters, digits, '-' and '_'"), e.getMessage());
        }
        assertFalse(Files.exists(dir));
        CliRunner r = CliRunner.run("serve", "--db", dir.toString(), "--name", "my corpus");
        assertEquals(2, r.exit(), r.err());
        assertTrue(r.err().contains("--name") && r.err().contains("'my corpus'") && r.err().contains("letters"), r.err());
        assertFalse(Files.exists(dir), "nothing is opened or created for a bad name");
    }
}
