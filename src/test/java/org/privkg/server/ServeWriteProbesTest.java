package org.privkg.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.system.Txn;
import org.junit.jupiter.api.Test;
import org.privkg.server.ServeFixture.Running;

/**
 * An attacker's write attempts, in every spelling of path, method and header that reached a write
 * before: on a read-only server and on an update server without the password, none succeeds, and the
 * dataset's files are byte for byte what they were.
 */
class ServeWriteProbesTest {
    static final String POLICY = "一、我们收集的信息\n我们会[收集]您的<手机号码>。\n";

    /** Every spelling of a write target the probes try. */
    static final List<String> TARGETS = List.of(
            "/privkg/policies/game", "/privkg/policies;game", "/privkg/policies;x/game", "/privkg/policies%2Fgame",
            "/privkg/policies%2fnew", "/privkg/policies/%2e%2e/policies/game", "/privkg/./policies/game", "/privkg/policies/./game",
            "/privkg/x/../policies/game", "//privkg/policies/game", "/privkg//policies/game", "/privkg/policies/game/",
            "/privkg/policies/game;jsessionid=1", "/privkg/policies/%67ame", "/privkg/%70olicies/game", "/PRIVKG/policies/game",
            "/privkg/Policies/game", "/privkg/policies/new", "/privkg/policies/..", "/privkg/policies/.", "/privkg/policies",
            "/privkg/policies/", "/privkg/update", "/privkg/update;x", "/privkg/update/", "/privkg/%75pdate", "/privkg//update",
            "/privkg/data?graph=urn:x", "/privkg/data;x?graph=urn:x", "/privkg/%64ata?graph=urn:x", "/privkg?graph=urn:x",
            "/privkg/?graph=urn:x", "/privkg", "/privkg/sparql", "/privkg/query", "/privkg/get?graph=urn:x",
            "/privkg/get;x?graph=urn:x", "/privkg%2Fupdate", "/privkg%2fdata?graph=urn:x", "/privkg%2Fpolicies%2Fgame",
            "/privkg/policies/game%2F", "/privkg/policies\\game", "/privkg/update%2F", "/id/policy/game", "/ontology");
    static final List<String> METHODS = List.of("PUT", "DELETE", "POST", "PATCH");

    /** Headers an attacker adds: none, a wrong password, a malformed one, a method override, a cross-site form. */
    static List<Map<String, String>> credentials() {
        return List.of(
                Map.of(),
                Map.of("Authorization", ServeFixture.basic("admin", "guess")),
                Map.of("Authorization", "Basic !!not-base64!!"),
                Map.of("Authorization", ServeFixture.basic("root", ServeFixture.PASSWORD)),
                Map.of("X-HTTP-Method-Override", "PUT", "X-Method-Override", "DELETE"),
                Map.of("Origin", "https://evil.example", "Sec-Fetch-Site", "cross-site"));
    }

    /** A body that would change the dataset at the target, with its content type. */
    static Map.Entry<String, byte[]> body(String target, int variant) {
        if (target.contains("polic")) return Map.entry(variant % 2 == 0 ? "text/plain; charset=utf-8" : "application/x-www-form-urlencoded", bytes(POLICY));
        if (target.contains("data") || target.contains("graph=") || target.contains("/get")) return Map.entry("text/turtle", bytes("<urn:s> <urn:p> <urn:o> ."));
        return variant % 2 == 0 ? Map.entry("application/sparql-update", bytes("DROP ALL"))
                : Map.entry("application/x-www-form-urlencoded", bytes("update=DROP%20ALL"));
    }

    static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void noUnauthenticatedWriteSucceedsOnAReadOnlyServer() throws Exception {
        // on a read-only server even the right password writes nothing
        List<Map<String, String>> headers = new ArrayList<>(credentials());
        headers.add(Map.of("Authorization", ServeFixture.basic("admin", ServeFixture.PASSWORD)));
        probe(ServeFixture.start(List.of("game", "finance"), false, Duration.ofSeconds(30)), headers);
    }

    @Test
    void noUnauthenticatedWriteSucceedsOnAnUpdateServer() throws Exception {
        probe(ServeFixture.start(List.of("game", "finance"), true, Duration.ofSeconds(30)), credentials());
    }

    /** The harness itself can see a write: the same kind of request with the password changes the files. */
    @Test
    void anAuthenticatedWriteIsSeen() throws Exception {
        Running s = ServeFixture.start(List.of("game"), true, Duration.ofSeconds(30));
        Map<String, String> before = files(s);
        RawHttp.Answer a = RawHttp.send(s.server().port(), "PUT", "/privkg/policies/new",
                Map.of("Authorization", ServeFixture.basic("admin", ServeFixture.PASSWORD), "Content-Type", "text/plain"), bytes(POLICY));
        assertEquals(201, a.status(), a.toString());
        assertTrue(!before.equals(files(s)), "a stored policy changes the dataset's files");
    }

    private static void probe(Running s, List<Map<String, String>> headerSets) throws Exception {
        int port = s.server().port();
        String quadsBefore = quads(s);
        Map<String, String> filesBefore = files(s);
        List<String> succeeded = new ArrayList<>();
        int attempts = 0;
        for (String target : TARGETS) {
            for (String method : METHODS) {
                for (int h = 0; h < headerSets.size(); h++) {
                    Map.Entry<String, byte[]> body = body(target, h);
                    Map<String, String> headers = new LinkedHashMap<>(headerSets.get(h));
                    headers.put("Content-Type", body.getKey());
                    RawHttp.Answer a = RawHttp.send(port, method, target, headers, body.getValue());
                    attempts++;
                    if (a.status() < 300) succeeded.add(method + " " + target + " " + headerSets.get(h) + " -> " + a);
                }
            }
        }
        assertTrue(attempts > 100, "attempts: " + attempts);
        assertEquals(List.of(), succeeded, attempts + " attempts");
        assertEquals(quadsBefore, quads(s), "the data is unchanged");
        assertEquals(filesBefore, files(s), "the dataset's files are byte for byte unchanged");
    }

    private static String quads(Running s) {
        var dsg = s.store().dataset();
        return Txn.calculateRead(dsg, () -> {
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            RDFDataMgr.write(out, dsg, Lang.NQUADS);
            return out.toString(StandardCharsets.UTF_8).lines().sorted().reduce("", (a, b) -> a + b + "\n");
        });
    }

    /** SHA-256 of every file under the dataset directory, by relative path. */
    private static Map<String, String> files(Running s) throws IOException {
        Map<String, String> out = new TreeMap<>();
        try (Stream<Path> paths = Files.walk(s.dir())) {
            for (Path p : paths.filter(Files::isRegularFile).toList()) {
                if (p.getFileName().toString().equals("tdb.lock")) continue;
                try {
                    out.put(s.dir().relativize(p).toString(),
                            HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(p))));
                } catch (java.security.NoSuchAlgorithmException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        return out;
    }
}
